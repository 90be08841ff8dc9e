package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Users;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;
import org.provisio.scim.query.Sorting;
import org.provisio.scim.resource.ComplexValue;

/** Users with a case-folded {@code userName} index per tenant; queries evaluate filters over the SCIM view. */
final class InMemoryUsers implements Users {
    private record Key(TenantId tenant, UserId id) {
    }

    private record NameKey(TenantId tenant, String folded) {
        static NameKey of(User user) {
            return new NameKey(user.tenantId(), user.userName().key());
        }
    }

    /** A user with its SCIM view, for filtering and sorting. */
    private record Viewed(User user, ComplexValue scim) {
    }

    private final Guard guard;
    private final InMemoryGroups groups;
    private final Table<Key, User> users;
    private final Table<NameKey, UserId> byName;

    InMemoryUsers(Guard guard, InMemoryGroups groups) {
        this.guard = guard;
        this.groups = groups;
        this.users = new Table<>(guard);
        this.byName = new Table<>(guard);
    }

    @Override
    public WriteOutcome add(User user) {
        return guard.locked(() -> {
            Key key = new Key(user.tenantId(), user.id());
            if (users.contains(key) || byName.contains(NameKey.of(user))) {
                return WriteOutcome.NOT_UNIQUE;
            }
            users.put(key, user);
            byName.put(NameKey.of(user), user.id());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(User user, Version expected) {
        return guard.locked(() -> {
            Key key = new Key(user.tenantId(), user.id());
            Optional<User> current = users.get(key);
            if (current.isEmpty()) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!current.get().version().equals(expected)) {
                return WriteOutcome.STALE_VERSION;
            }
            NameKey oldName = NameKey.of(current.get());
            NameKey newName = NameKey.of(user);
            if (!oldName.equals(newName)) {
                if (byName.contains(newName)) {
                    return WriteOutcome.NOT_UNIQUE;
                }
                byName.remove(oldName);
                byName.put(newName, user.id());
            }
            users.put(key, user);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return guard.locked(() -> users.get(new Key(tenant, id)));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, UserName userName) {
        return guard.locked(() -> byName.get(new NameKey(tenant, userName.key()))
                .flatMap(id -> users.get(new Key(tenant, id))));
    }

    @Override
    public Map<UserId, UserName> userNames(TenantId tenant, Collection<UserId> ids) {
        return guard.locked(() -> {
            Map<UserId, UserName> out = new LinkedHashMap<>();
            for (UserId id : ids) {
                users.get(new Key(tenant, id)).ifPresent(u -> out.put(id, u.userName()));
            }
            return out;
        });
    }

    @Override
    public Page<User> query(TenantId tenant, UserQuery query) {
        Predicate<ComplexValue> filter = query.filter()
                .map(f -> FilterEvaluator.compile(f, query.schema()))
                .orElse(u -> true);
        return guard.locked(() -> {
            List<Viewed> matching = new ArrayList<>();
            for (User user : candidates(tenant, query)) {
                if (user.tenantId().equals(tenant)) {
                    ComplexValue scim = user.toScim(groups.groupsOf(tenant, user.id()));
                    if (filter.test(scim)) {
                        matching.add(new Viewed(user, scim));
                    }
                }
            }
            query.sort().ifPresent(sort -> matching.sort(
                    Comparator.comparing(Viewed::scim, Sorting.comparator(sort.by(), sort.order(), query.schema()))));
            return Page.slice(matching, query.page()).map(Viewed::user);
        });
    }

    /**
     * The users a query can match: only the one user named by a {@code userName eq "..."} that the
     * filter requires (Entra's and Okta's lookup), else every user. The full filter is applied after.
     */
    private Iterable<User> candidates(TenantId tenant, UserQuery query) {
        Optional<String> name = query.filter().flatMap(InMemoryUsers::requiredUserName);
        if (name.isEmpty()) {
            return users.values();
        }
        return byName.get(new NameKey(tenant, UserName.of(name.get()).key()))
                .flatMap(id -> users.get(new Key(tenant, id)))
                .map(List::of)
                .orElse(List.of());
    }

    /** The value of a {@code userName eq "..."} comparison that must hold for the filter to match. */
    private static Optional<String> requiredUserName(Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<String> left = requiredUserName(and.left());
            return left.isPresent() ? left : requiredUserName(and.right());
        }
        if (filter instanceof Filter.Compare c && c.operator() == CompareOperator.EQ
                && c.path().attribute().equalsIgnoreCase("userName") && !c.path().hasSubAttribute()
                && (!c.path().hasSchemaUrn() || c.path().schemaUrn().equalsIgnoreCase(CoreSchemas.USER_URN))
                && c.value() instanceof StringValue v && isUserName(v.value())) {
            return Optional.of(v.value());
        }
        return Optional.empty();
    }

    private static boolean isUserName(String text) {
        try {
            UserName.of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Page<User> listByStatus(TenantId tenant, Optional<UserStatus> status, PageRequest page) {
        return guard.locked(() -> Page.slice(users.values().stream()
                .filter(u -> u.tenantId().equals(tenant))
                .filter(u -> status.isEmpty() || u.status() == status.get())
                .toList(), page));
    }

    @Override
    public List<User> dueForPurge(Instant now, int limit) {
        return guard.locked(() -> users.values().stream()
                .filter(u -> u.state() instanceof Suspended s && !s.purgeAt().isAfter(now))
                .sorted(Comparator.comparing(u -> ((Suspended) u.state()).purgeAt()))
                .limit(limit)
                .toList());
    }

    @Override
    public boolean delete(TenantId tenant, UserId id) {
        return guard.locked(() -> {
            Optional<User> current = users.get(new Key(tenant, id));
            current.ifPresent(u -> {
                users.remove(new Key(tenant, id));
                byName.remove(NameKey.of(u));
            });
            return current.isPresent();
        });
    }
}
