package org.provisio.domain.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;

/**
 * The groups of all tenants and their memberships. The adapter enforces, atomically, that a
 * {@code displayName} is unique per tenant ignoring case ({@link GroupHeader#displayNameKey()}),
 * and that a header update only applies to the version it was based on.
 *
 * <p>Memberships change by delta ({@link #addMembers}, {@link #removeMembers}): a PATCH that adds
 * 100 members to a group of 10,000 writes 100 rows, and {@link #findHeader} reads a group without
 * its members. The domain moves the group's version with {@link #update} in the same unit of work
 * as every membership delta, so that concurrent changes of one group are serialised by its version.
 * Membership operations do not check that a user exists: the domain does, through
 * {@link Users#userNames}.
 */
public interface Groups {
    /**
     * Adds a new group with its members: {@link WriteOutcome#WRITTEN}, or {@code NOT_UNIQUE} if its
     * id or, ignoring case, its {@code displayName} is taken in the tenant.
     */
    WriteOutcome add(Group group);

    /**
     * Replaces a stored group's own attributes, version and modification time (members untouched)
     * if its stored version is {@code expected}: {@code WRITTEN}, {@code STALE_VERSION},
     * {@code NOT_FOUND} or, after a rename onto a taken name, {@code NOT_UNIQUE}.
     */
    WriteOutcome update(GroupHeader group, Version expected);

    /** The group with all of its members. */
    Optional<Group> find(TenantId tenant, GroupId id);

    /** The group without reading its members. */
    Optional<GroupHeader> findHeader(TenantId tenant, GroupId id);

    /**
     * The group without its members, locked for the rest of the unit of work, so that concurrent
     * changes of one group are serialised by the store. Lock the users a change adds first
     * ({@link Users#lockNames}), then the group: the order every use case keeps.
     */
    Optional<GroupHeader> lockHeader(TenantId tenant, GroupId id);

    /**
     * A SCIM query over the groups' SCIM representation ({@code members.value} included), in
     * creation order unless sorted; keyset pages as {@link Users#query} describes.
     */
    Page<GroupHeader> query(TenantId tenant, GroupQuery query);

    /** Those of {@code candidates} that are direct members of the group, in one read. */
    Set<UserId> membersAmong(TenantId tenant, GroupId id, Set<UserId> candidates);

    /** Makes {@code users} members of the group; those that already are stay so. */
    void addMembers(TenantId tenant, GroupId id, Set<UserId> users);

    /** Removes {@code users} from the group; those that are not members are ignored. */
    void removeMembers(TenantId tenant, GroupId id, Set<UserId> users);

    /** Removes a group and its memberships (never its users); false if there was none. */
    boolean delete(TenantId tenant, GroupId id);

    /** The groups {@code user} is a direct member of, in creation order, without their members. */
    default List<GroupHeader> groupsOf(TenantId tenant, UserId user) {
        return groupsOf(tenant, List.of(user)).getOrDefault(user, List.of());
    }

    /**
     * The groups of several users at once (a page of users in one read), each list in creation
     * order; users without groups are absent.
     */
    Map<UserId, List<GroupHeader>> groupsOf(TenantId tenant, Collection<UserId> users);

    /** Removes {@code user} from every group of the tenant (each one's version moves on); the number of groups changed. */
    int removeMemberEverywhere(TenantId tenant, UserId user, Instant at);
}
