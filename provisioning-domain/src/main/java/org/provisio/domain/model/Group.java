package org.provisio.domain.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A group of users of one tenant with all of its direct members, users only (a group is never a
 * member). Membership outlives suspension: a suspended user stays a member; purge and hard delete
 * remove it. Reads that do not need the members use {@link GroupHeader}.
 */
public record Group(GroupId id, TenantId tenantId, String displayName, Optional<String> externalId,
                    Set<UserId> members, Version version, Instant createdAt, Instant lastModifiedAt) {
    public Group {
        new GroupHeader(id, tenantId, displayName, externalId, version, createdAt, lastModifiedAt);
        members = Set.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** A group created now, at its first version. */
    public static Group create(GroupId id, TenantId tenantId, String displayName, Optional<String> externalId,
                               Set<UserId> members, Instant at) {
        return new Group(id, tenantId, displayName, externalId, members, Version.initial(), at, at);
    }

    /** The group made of {@code header} and {@code members}. */
    public static Group of(GroupHeader header, Set<UserId> members) {
        return new Group(header.id(), header.tenantId(), header.displayName(), header.externalId(), members,
                header.version(), header.createdAt(), header.lastModifiedAt());
    }

    /** The group without its members. */
    public GroupHeader header() {
        return new GroupHeader(id, tenantId, displayName, externalId, version, createdAt, lastModifiedAt);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }

    /** A copy with other members, at the next version. */
    public Group withMembers(Set<UserId> newMembers, Instant at) {
        return new Group(id, tenantId, displayName, externalId, newMembers, version.next(), createdAt, at);
    }

    /** A copy without {@code user}, at the next version. */
    public Group withoutMember(UserId user, Instant at) {
        Set<UserId> rest = new LinkedHashSet<>(members);
        rest.remove(user);
        return withMembers(rest, at);
    }
}
