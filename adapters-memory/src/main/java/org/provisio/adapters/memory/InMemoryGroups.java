package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.WriteOutcome;

final class InMemoryGroups implements Groups {
    private record Key(TenantId tenant, GroupId id) {
    }

    private final Guard guard;
    private final Table<Key, Group> groups;

    InMemoryGroups(Guard guard) {
        this.guard = guard;
        this.groups = new Table<>(guard);
    }

    @Override
    public WriteOutcome add(Group group) {
        return guard.locked(() -> {
            Key key = new Key(group.tenantId(), group.id());
            if (groups.contains(key)) {
                return WriteOutcome.NOT_UNIQUE;
            }
            groups.put(key, group);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(Group group, Version expected) {
        return guard.locked(() -> {
            Key key = new Key(group.tenantId(), group.id());
            Optional<Group> current = groups.get(key);
            if (current.isEmpty()) {
                return WriteOutcome.NOT_FOUND;
            }
            if (!current.get().version().equals(expected)) {
                return WriteOutcome.STALE_VERSION;
            }
            groups.put(key, group);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return guard.locked(() -> groups.get(new Key(tenant, id)));
    }

    @Override
    public boolean delete(TenantId tenant, GroupId id) {
        return guard.locked(() -> groups.remove(new Key(tenant, id)));
    }

    @Override
    public List<Group> groupsOf(TenantId tenant, UserId user) {
        return guard.locked(() -> groups.values().stream()
                .filter(g -> g.tenantId().equals(tenant) && g.hasMember(user)).toList());
    }

    @Override
    public int removeMemberEverywhere(TenantId tenant, UserId user, Instant at) {
        return guard.locked(() -> {
            List<Group> affected = groupsOf(tenant, user);
            for (Group g : affected) {
                groups.put(new Key(tenant, g.id()), g.withoutMember(user, at));
            }
            return affected.size();
        });
    }
}
