package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.RequiredEquality;
import org.provisio.scim.resource.ComplexValue;

/**
 * Group headers with a case-folded {@code displayName} index, and memberships as a set per group
 * plus the reverse index per user, all per tenant under the tenant's lock. Memberships change by
 * delta and are journaled element by element, so that adding 100 members to a group of 10,000
 * costs 100 steps, not 10,000.
 */
final class InMemoryGroups implements Groups {
    /** One tenant's groups. */
    private final class Tenant {
        final SeqMap<GroupId, GroupHeader> headers = new SeqMap<>(guard);
        final KeyIndex<String, GroupId> byName = new KeyIndex<>(guard);
        final Map<GroupId, Set<UserId>> members = new HashMap<>();
        final Map<UserId, Set<GroupId>> byMember = new HashMap<>();
    }

    private final Guard guard;
    private final ConcurrentMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    InMemoryGroups(Guard guard) {
        this.guard = guard;
    }

    private Tenant of(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Tenant());
    }

    @Override
    public WriteOutcome add(Group group) {
        return guard.write(group.tenantId(), () -> {
            Tenant t = of(group.tenantId());
            GroupHeader header = group.header();
            if (t.headers.contains(group.id()) || t.byName.contains(header.displayNameKey())) {
                return WriteOutcome.NOT_UNIQUE;
            }
            t.headers.put(group.id(), header);
            t.byName.put(header.displayNameKey(), group.id());
            link(t, group.id(), group.members());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(GroupHeader group, Version expected) {
        return guard.write(group.tenantId(), () -> {
            Tenant t = of(group.tenantId());
            GroupHeader current = t.headers.getOrNull(group.id());
            if (current == null) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!current.version().equals(expected)) {
                return WriteOutcome.STALE_VERSION;
            }
            if (!current.displayNameKey().equals(group.displayNameKey())) {
                if (t.byName.contains(group.displayNameKey())) {
                    return WriteOutcome.NOT_UNIQUE;
                }
                t.byName.remove(current.displayNameKey());
                t.byName.put(group.displayNameKey(), group.id());
            }
            t.headers.put(group.id(), group);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return guard.read(tenant, () -> {
            Tenant t = of(tenant);
            return t.headers.get(id).map(h -> Group.of(h, t.members.getOrDefault(id, Set.of())));
        });
    }

    @Override
    public Optional<GroupHeader> findHeader(TenantId tenant, GroupId id) {
        return guard.read(tenant, () -> of(tenant).headers.get(id));
    }

    /** The tenant's write lock, held by the unit of work, is the group's lock. */
    @Override
    public Optional<GroupHeader> lockHeader(TenantId tenant, GroupId id) {
        return guard.write(tenant, () -> of(tenant).headers.get(id));
    }

    @Override
    public Page<GroupHeader> query(TenantId tenant, GroupQuery query) {
        boolean withMembers = query.needsMembers();
        return guard.read(tenant, () -> {
            Tenant t = of(tenant);
            Function<GroupHeader, ComplexValue> view =
                    g -> g.toScimForFilter(withMembers ? t.members.getOrDefault(g.id(), Set.of()) : Set.of());
            return InMemoryKeyset.query(query.page(), candidates(t, query), after -> candidatesAfter(t, query, after),
                    view, query.filter(), query.sort(), query.schema());
        });
    }

    /** {@link #candidates} placed after the sequence number {@code after}, with their sequence numbers. */
    private Iterable<SeqMap.Entry<GroupHeader>> candidatesAfter(Tenant t, GroupQuery query, long after) {
        Optional<String> name = query.filter()
                .flatMap(f -> RequiredEquality.of(f, "displayName", query.schema().core().id()));
        if (name.isEmpty()) {
            return t.headers.after(after);
        }
        return t.byName.get(GroupHeader.displayNameKey(name.get())).flatMap(t.headers::entry)
                .filter(e -> e.seq() > after).map(List::of).orElse(List.of());
    }

    /** Only the group a required {@code displayName eq "..."} names (Entra's lookup), else every group. */
    private Iterable<GroupHeader> candidates(Tenant t, GroupQuery query) {
        Optional<String> name = query.filter()
                .flatMap(f -> RequiredEquality.of(f, "displayName", query.schema().core().id()));
        if (name.isEmpty()) {
            return t.headers.values();
        }
        return t.byName.get(GroupHeader.displayNameKey(name.get())).flatMap(t.headers::get).map(List::of)
                .orElse(List.of());
    }

    @Override
    public Set<UserId> membersAmong(TenantId tenant, GroupId id, Set<UserId> candidates) {
        return guard.read(tenant, () -> {
            Set<UserId> current = of(tenant).members.getOrDefault(id, Set.of());
            Set<UserId> out = new LinkedHashSet<>();
            for (UserId candidate : candidates) {
                if (current.contains(candidate)) {
                    out.add(candidate);
                }
            }
            return out;
        });
    }

    @Override
    public void addMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        guard.write(tenant, () -> {
            Tenant t = of(tenant);
            if (t.headers.contains(id)) {
                link(t, id, users);
            }
            return null;
        });
    }

    @Override
    public void removeMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        guard.write(tenant, () -> {
            unlink(of(tenant), id, users);
            return null;
        });
    }

    @Override
    public boolean delete(TenantId tenant, GroupId id) {
        return guard.write(tenant, () -> {
            Tenant t = of(tenant);
            GroupHeader current = t.headers.getOrNull(id);
            if (current == null) {
                return false;
            }
            unlink(t, id, Set.copyOf(t.members.getOrDefault(id, Set.of())));
            t.headers.remove(id);
            t.byName.remove(current.displayNameKey());
            return true;
        });
    }

    @Override
    public Map<UserId, List<GroupHeader>> groupsOf(TenantId tenant, Collection<UserId> users) {
        return guard.read(tenant, () -> groupsOfLocked(tenant, users));
    }

    /** {@link #groupsOf} for a caller that holds the tenant's lock. */
    Map<UserId, List<GroupHeader>> groupsOfLocked(TenantId tenant, Collection<UserId> users) {
        Tenant t = of(tenant);
        Map<UserId, List<GroupHeader>> out = new LinkedHashMap<>();
        for (UserId user : users) {
            Set<GroupId> ids = t.byMember.get(user);
            if (ids != null && !ids.isEmpty()) {
                out.put(user, t.headers.valuesOf(ids));
            }
        }
        return out;
    }

    @Override
    public int removeMemberEverywhere(TenantId tenant, UserId user, Instant at) {
        return guard.write(tenant, () -> {
            Tenant t = of(tenant);
            List<GroupHeader> affected = t.headers.valuesOf(t.byMember.getOrDefault(user, Set.of()));
            for (GroupHeader g : affected) {
                unlink(t, g.id(), Set.of(user));
                t.headers.put(g.id(), g.touched(at));
            }
            return affected.size();
        });
    }

    /** Adds memberships (both indexes), journaling exactly the ones that were new. */
    private void link(Tenant t, GroupId group, Set<UserId> users) {
        Set<UserId> set = t.members.computeIfAbsent(group, k -> new LinkedHashSet<>());
        List<UserId> added = new ArrayList<>();
        for (UserId user : users) {
            if (set.add(user)) {
                t.byMember.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(group);
                added.add(user);
            }
        }
        guard.onRollback(() -> unlinkNow(t, group, added));
    }

    /** Removes memberships (both indexes), journaling exactly the ones that existed. */
    private void unlink(Tenant t, GroupId group, Set<UserId> users) {
        List<UserId> removed = unlinkNow(t, group, users);
        guard.onRollback(() -> {
            Set<UserId> set = t.members.computeIfAbsent(group, k -> new LinkedHashSet<>());
            for (UserId user : removed) {
                set.add(user);
                t.byMember.computeIfAbsent(user, k -> new LinkedHashSet<>()).add(group);
            }
        });
    }

    private static List<UserId> unlinkNow(Tenant t, GroupId group, Collection<UserId> users) {
        Set<UserId> set = t.members.get(group);
        List<UserId> removed = new ArrayList<>();
        if (set == null) {
            return removed;
        }
        for (UserId user : users) {
            if (set.remove(user)) {
                Set<GroupId> groups = t.byMember.get(user);
                if (groups != null) {
                    groups.remove(group);
                    if (groups.isEmpty()) {
                        t.byMember.remove(user);
                    }
                }
                removed.add(user);
            }
        }
        if (set.isEmpty()) {
            t.members.remove(group);
        }
        return removed;
    }
}
