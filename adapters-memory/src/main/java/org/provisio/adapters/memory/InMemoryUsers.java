package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserWithGroups;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Users;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.RequiredEquality;
import org.provisio.scim.resource.ComplexValue;

/**
 * Users per tenant with an index on the {@code userName} key, under the tenant's lock; queries run
 * scim-core's filter, sort and page over the SCIM view, Entra's {@code userName eq} through the index.
 */
final class InMemoryUsers implements Users {
    /** One tenant's users. */
    private final class Tenant {
        final SeqMap<UserId, User> users = new SeqMap<>(guard);
        final KeyIndex<String, UserId> byName = new KeyIndex<>(guard);
    }

    private final Guard guard;
    private final InMemoryGroups groups;
    private final ConcurrentMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    InMemoryUsers(Guard guard, InMemoryGroups groups) {
        this.guard = guard;
        this.groups = groups;
    }

    private Tenant of(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Tenant());
    }

    @Override
    public WriteOutcome add(User user) {
        return guard.write(user.tenantId(), () -> {
            Tenant t = of(user.tenantId());
            String key = user.userName().key();
            if (t.users.contains(user.id()) || t.byName.contains(key)) {
                return WriteOutcome.NOT_UNIQUE;
            }
            t.users.put(user.id(), user);
            t.byName.put(key, user.id());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(User user, Version expected) {
        return guard.write(user.tenantId(), () -> {
            Tenant t = of(user.tenantId());
            User current = t.users.getOrNull(user.id());
            if (current == null) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!current.version().equals(expected)) {
                return WriteOutcome.STALE_VERSION;
            }
            String oldKey = current.userName().key();
            String newKey = user.userName().key();
            if (!oldKey.equals(newKey)) {
                if (t.byName.contains(newKey)) {
                    return WriteOutcome.NOT_UNIQUE;
                }
                t.byName.remove(oldKey);
                t.byName.put(newKey, user.id());
            }
            t.users.put(user.id(), user);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return guard.read(tenant, () -> of(tenant).users.get(id));
    }

    @Override
    public Optional<UserWithGroups> findWithGroups(TenantId tenant, UserId id) {
        return guard.read(tenant, () -> of(tenant).users.get(id).map(user -> new UserWithGroups(user, groupsOf(tenant, user))));
    }

    /** The tenant's write lock, held by the unit of work, is the user's lock. */
    @Override
    public Optional<User> lock(TenantId tenant, UserId id) {
        return guard.write(tenant, () -> of(tenant).users.get(id));
    }

    @Override
    public Map<UserId, UserName> lockNames(TenantId tenant, Collection<UserId> ids) {
        return guard.write(tenant, () -> names(of(tenant), ids));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, UserName userName) {
        return guard.read(tenant, () -> {
            Tenant t = of(tenant);
            return t.byName.get(userName.key()).flatMap(t.users::get);
        });
    }

    @Override
    public Map<UserId, UserName> userNames(TenantId tenant, Collection<UserId> ids) {
        return guard.read(tenant, () -> names(of(tenant), ids));
    }

    private static Map<UserId, UserName> names(Tenant t, Collection<UserId> ids) {
        Map<UserId, UserName> out = new LinkedHashMap<>();
        for (UserId id : ids) {
            User user = t.users.getOrNull(id);
            if (user != null) {
                out.put(id, user.userName());
            }
        }
        return out;
    }

    @Override
    public Page<UserWithGroups> queryWithGroups(TenantId tenant, UserQuery query) {
        return guard.read(tenant, () -> {
            Tenant t = of(tenant);
            Function<User, ComplexValue> view = user -> user.toScim(groupsOf(tenant, user));
            return InMemoryKeyset.query(query.page(), candidates(t, query), after -> candidatesAfter(t, query, after),
                    view, query.filter(), query.sort(), query.schema()).map(u -> new UserWithGroups(u, groupsOf(tenant, u)));
        });
    }

    /** The groups of a user, for a caller that holds the tenant's lock. */
    private List<GroupHeader> groupsOf(TenantId tenant, User user) {
        return groups.groupsOfLocked(tenant, List.of(user.id())).getOrDefault(user.id(), List.of());
    }

    /** {@link #candidates} placed after the sequence number {@code after}, with their sequence numbers. */
    private Iterable<SeqMap.Entry<User>> candidatesAfter(Tenant t, UserQuery query, long after) {
        Optional<String> name = query.filter()
                .flatMap(f -> RequiredEquality.of(f, "userName", query.schema().core().id()));
        if (name.isEmpty()) {
            return t.users.after(after);
        }
        return t.byName.get(org.provisio.scim.text.CaseFolding.fold(name.get())).flatMap(t.users::entry)
                .filter(e -> e.seq() > after).map(List::of).orElse(List.of());
    }

    /**
     * The users a query can match: only the one user named by a {@code userName eq "..."} that the
     * filter requires (Entra's and Okta's lookup), else every user. The full filter is applied after.
     */
    private Iterable<User> candidates(Tenant t, UserQuery query) {
        Optional<String> name = query.filter()
                .flatMap(f -> RequiredEquality.of(f, "userName", query.schema().core().id()));
        if (name.isEmpty()) {
            return t.users.values();
        }
        return t.byName.get(org.provisio.scim.text.CaseFolding.fold(name.get())).flatMap(t.users::get)
                .map(List::of).orElse(List.of());
    }

    @Override
    public Page<User> listByStatus(TenantId tenant, Optional<UserStatus> status, Optional<String> search,
                                   PageRequest page) {
        Optional<String> folded = search.map(org.provisio.scim.text.CaseFolding::fold);
        return guard.read(tenant, () -> {
            List<User> all = new ArrayList<>();
            for (User u : of(tenant).users.values()) {
                if ((status.isEmpty() || u.status() == status.get()) && (folded.isEmpty() || mentions(u, folded.get()))) {
                    all.add(u);
                }
            }
            return Page.slice(all, page);
        });
    }

    /** Whether the userName, displayName, given or family name or an email contains the folded text. */
    private static boolean mentions(User u, String folded) {
        org.provisio.scim.resource.ComplexValue p = u.profile().attributes();
        List<String> texts = new ArrayList<>();
        texts.add(u.userName().value());
        p.getText("displayName").ifPresent(texts::add);
        p.getComplex("name").ifPresent(n -> {
            n.getText("givenName").ifPresent(texts::add);
            n.getText("familyName").ifPresent(texts::add);
        });
        for (org.provisio.scim.resource.Value e : p.getMulti("emails").values()) {
            if (e instanceof org.provisio.scim.resource.ComplexValue c) {
                c.getText("value").ifPresent(texts::add);
            }
        }
        for (String text : texts) {
            if (org.provisio.scim.text.CaseFolding.fold(text).contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Due users of the tenants whose lock is free now; a tenant another unit of work holds is passed
     * over, as {@code FOR UPDATE SKIP LOCKED} passes over locked rows.
     */
    @Override
    public List<User> dueForPurge(Instant now, int limit) {
        // outside a unit of work the call is a unit of its own, whose locks end with it
        return guard.inTransaction(() -> lockDue(now, limit));
    }

    private List<User> lockDue(Instant now, int limit) {
        TreeSet<User> due = new TreeSet<>(Comparator.comparing((User u) -> ((Suspended) u.state()).purgeAt())
                .thenComparing(u -> u.tenantId().value()).thenComparing(u -> u.id().value()));
        for (Map.Entry<TenantId, Tenant> entry : tenants.entrySet()) {
            if (!hasDue(entry.getKey(), entry.getValue(), now) || !guard.tryHold(entry.getKey())) {
                continue;
            }
            for (User u : entry.getValue().users.values()) {
                if (u.state() instanceof Suspended s && !s.purgeAt().isAfter(now)) {
                    due.add(u);
                    if (due.size() > limit) {
                        due.pollLast();
                    }
                }
            }
        }
        return new ArrayList<>(due);
    }

    /** Whether the tenant has a due user, looked at only if no unit of work holds it now. */
    private boolean hasDue(TenantId tenant, Tenant t, Instant now) {
        return guard.tryRead(tenant, () -> {
            for (User u : t.users.values()) {
                if (u.state() instanceof Suspended s && !s.purgeAt().isAfter(now)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    @Override
    public int touch(TenantId tenant, Collection<UserId> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return guard.write(tenant, () -> {
            Tenant t = of(tenant);
            int touched = 0;
            for (UserId id : ids) {
                User current = t.users.getOrNull(id);
                if (current != null) {
                    t.users.put(id, current.touched(at));
                    touched++;
                }
            }
            return touched;
        });
    }

    @Override
    public boolean delete(TenantId tenant, UserId id) {
        return guard.write(tenant, () -> {
            Tenant t = of(tenant);
            User current = t.users.getOrNull(id);
            if (current == null) {
                return false;
            }
            t.users.remove(id);
            t.byName.remove(current.userName().key());
            return true;
        });
    }
}
