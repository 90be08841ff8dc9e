package org.provisio.domain.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A group of users of one tenant. Membership outlives suspension: a suspended user stays a
 * member; purge and hard delete remove it.
 */
public record Group(GroupId id, TenantId tenantId, String displayName, Optional<String> externalId,
                    Set<UserId> members, Version version, Instant createdAt, Instant lastModifiedAt) {
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Checks.notBlank(displayName, "displayName");
        Objects.requireNonNull(externalId, "externalId");
        members = Set.copyOf(members);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    }

    /** A group created now, at its first version. */
    public static Group create(GroupId id, TenantId tenantId, String displayName, Optional<String> externalId,
                               Set<UserId> members, Instant at) {
        return new Group(id, tenantId, displayName, externalId, members, Version.initial(), at, at);
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
