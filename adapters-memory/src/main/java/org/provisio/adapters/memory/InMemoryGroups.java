package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.query.Sorting;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Group headers with a case-folded {@code displayName} index per tenant; memberships as a set per
 * group plus the reverse index per user, both changed by delta and journaled element by element,
 * so that adding 100 members to a group of 10,000 costs 100 steps, not 10,000.
 */
final class InMemoryGroups implements Groups {
    private record Key(TenantId tenant, GroupId id) {
    }

    private record NameKey(TenantId tenant, String folded) {
        static NameKey of(GroupHeader group) {
            return new NameKey(group.tenantId(), group.displayNameKey());
        }
    }

    private record MemberKey(TenantId tenant, UserId user) {
    }

    /** A group with its SCIM view, for filtering and sorting. */
    private record Viewed(GroupHeader group, ComplexValue scim) {
    }

    private final Guard guard;
    private final Table<Key, GroupHeader> headers;
    private final Table<NameKey, GroupId> byName;
    private final Map<Key, Set<UserId>> members = new HashMap<>();
    private final Map<MemberKey, Set<GroupId>> byMember = new HashMap<>();

    InMemoryGroups(Guard guard) {
        this.guard = guard;
        this.headers = new Table<>(guard);
        this.byName = new Table<>(guard);
    }

    @Override
    public WriteOutcome add(Group group) {
        return guard.locked(() -> {
            GroupHeader header = group.header();
            Key key = new Key(group.tenantId(), group.id());
            if (headers.contains(key) || byName.contains(NameKey.of(header))) {
                return WriteOutcome.NOT_UNIQUE;
            }
            headers.put(key, header);
            byName.put(NameKey.of(header), group.id());
            link(key, group.members());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(GroupHeader group, Version expected) {
        return guard.locked(() -> {
            Key key = new Key(group.tenantId(), group.id());
            Optional<GroupHeader> current = headers.get(key);
            if (current.isEmpty()) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!current.get().version().equals(expected)) {
                return WriteOutcome.STALE_VERSION;
            }
            NameKey oldName = NameKey.of(current.get());
            NameKey newName = NameKey.of(group);
            if (!oldName.equals(newName)) {
                if (byName.contains(newName)) {
                    return WriteOutcome.NOT_UNIQUE;
                }
                byName.remove(oldName);
                byName.put(newName, group.id());
            }
            headers.put(key, group);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return guard.locked(() -> headers.get(new Key(tenant, id))
                .map(h -> Group.of(h, members.getOrDefault(new Key(tenant, id), Set.of()))));
    }

    @Override
    public Optional<GroupHeader> findHeader(TenantId tenant, GroupId id) {
        return guard.locked(() -> headers.get(new Key(tenant, id)));
    }

    @Override
    public Page<GroupHeader> query(TenantId tenant, GroupQuery query) {
        Predicate<ComplexValue> filter = query.filter()
                .map(f -> FilterEvaluator.compile(f, ResourceSchema.group()))
                .orElse(g -> true);
        boolean withMembers = query.needsMembers();
        return guard.locked(() -> {
            List<Viewed> matching = new ArrayList<>();
            for (GroupHeader group : candidates(tenant, query)) {
                if (group.tenantId().equals(tenant)) {
                    ComplexValue scim = group.toScimForFilter(withMembers
                            ? members.getOrDefault(new Key(tenant, group.id()), Set.of()) : Set.of());
                    if (filter.test(scim)) {
                        matching.add(new Viewed(group, scim));
                    }
                }
            }
            query.sort().ifPresent(sort -> matching.sort(Comparator.comparing(Viewed::scim,
                    Sorting.comparator(sort.by(), sort.order(), ResourceSchema.group()))));
            return Page.slice(matching, query.page()).map(Viewed::group);
        });
    }

    /** Only the group a required {@code displayName eq "..."} names (Entra's lookup), else every group. */
    private List<GroupHeader> candidates(TenantId tenant, GroupQuery query) {
        Optional<String> name = query.filter().flatMap(InMemoryGroups::requiredDisplayName);
        if (name.isEmpty()) {
            return headers.values();
        }
        return byName.get(new NameKey(tenant, GroupHeader.displayNameKey(name.get())))
                .flatMap(id -> headers.get(new Key(tenant, id)))
                .map(List::of)
                .orElse(List.of());
    }

    private static Optional<String> requiredDisplayName(Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<String> left = requiredDisplayName(and.left());
            return left.isPresent() ? left : requiredDisplayName(and.right());
        }
        if (filter instanceof Filter.Compare c && c.operator() == CompareOperator.EQ
                && c.path().attribute().equalsIgnoreCase("displayName") && !c.path().hasSubAttribute()
                && (!c.path().hasSchemaUrn() || c.path().schemaUrn().equalsIgnoreCase(CoreSchemas.GROUP_URN))
                && c.value() instanceof StringValue v) {
            return Optional.of(v.value());
        }
        return Optional.empty();
    }

    @Override
    public Set<UserId> membersAmong(TenantId tenant, GroupId id, Set<UserId> candidates) {
        return guard.locked(() -> {
            Set<UserId> current = members.getOrDefault(new Key(tenant, id), Set.of());
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
        guard.locked(() -> {
            Key key = new Key(tenant, id);
            if (headers.contains(key)) {
                link(key, users);
            }
            return null;
        });
    }

    @Override
    public void removeMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        guard.locked(() -> {
            unlink(new Key(tenant, id), users);
            return null;
        });
    }

    @Override
    public boolean delete(TenantId tenant, GroupId id) {
        return guard.locked(() -> {
            Key key = new Key(tenant, id);
            Optional<GroupHeader> current = headers.get(key);
            if (current.isEmpty()) {
                return false;
            }
            unlink(key, Set.copyOf(members.getOrDefault(key, Set.of())));
            headers.remove(key);
            byName.remove(NameKey.of(current.get()));
            return true;
        });
    }

    @Override
    public List<GroupHeader> groupsOf(TenantId tenant, UserId user) {
        return guard.locked(() -> {
            Set<GroupId> ids = byMember.getOrDefault(new MemberKey(tenant, user), Set.of());
            return headers.valuesOf(ids.stream().map(id -> new Key(tenant, id)).toList());
        });
    }

    @Override
    public int removeMemberEverywhere(TenantId tenant, UserId user, Instant at) {
        return guard.locked(() -> {
            List<GroupHeader> affected = groupsOf(tenant, user);
            for (GroupHeader g : affected) {
                Key key = new Key(tenant, g.id());
                unlink(key, Set.of(user));
                headers.put(key, g.touched(at));
            }
            return affected.size();
        });
    }

    /** Adds memberships (both indexes), journaling exactly the ones that were new. */
    private void link(Key group, Set<UserId> users) {
        Set<UserId> set = members.computeIfAbsent(group, k -> new LinkedHashSet<>());
        List<UserId> added = new ArrayList<>();
        for (UserId user : users) {
            if (set.add(user)) {
                byMember.computeIfAbsent(new MemberKey(group.tenant(), user), k -> new LinkedHashSet<>()).add(group.id());
                added.add(user);
            }
        }
        guard.onRollback(() -> unlinkNow(group, added));
    }

    /** Removes memberships (both indexes), journaling exactly the ones that existed. */
    private void unlink(Key group, Set<UserId> users) {
        List<UserId> removed = unlinkNow(group, users);
        guard.onRollback(() -> {
            Set<UserId> set = members.computeIfAbsent(group, k -> new LinkedHashSet<>());
            for (UserId user : removed) {
                set.add(user);
                byMember.computeIfAbsent(new MemberKey(group.tenant(), user), k -> new LinkedHashSet<>()).add(group.id());
            }
        });
    }

    private List<UserId> unlinkNow(Key group, java.util.Collection<UserId> users) {
        Set<UserId> set = members.get(group);
        List<UserId> removed = new ArrayList<>();
        if (set == null) {
            return removed;
        }
        for (UserId user : users) {
            if (set.remove(user)) {
                MemberKey mk = new MemberKey(group.tenant(), user);
                Set<GroupId> groups = byMember.get(mk);
                if (groups != null) {
                    groups.remove(group.id());
                    if (groups.isEmpty()) {
                        byMember.remove(mk);
                    }
                }
                removed.add(user);
            }
        }
        if (set.isEmpty()) {
            members.remove(group);
        }
        return removed;
    }
}
