package org.provisio.domain.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserWithGroups;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;

/**
 * The users of all tenants. The adapter enforces, atomically, that a {@code userName} is unique
 * per tenant ignoring case among all stored users (suspended ones included), and that an update
 * only applies to the version it was based on.
 */
public interface Users {
    /** Adds a new user: {@link WriteOutcome#WRITTEN} or {@link WriteOutcome#NOT_UNIQUE}. */
    WriteOutcome add(User user);

    /**
     * Replaces a stored user if its stored version is {@code expected}: {@code WRITTEN},
     * {@code STALE_VERSION}, {@code NOT_FOUND} or, after a rename, {@code NOT_UNIQUE}.
     */
    WriteOutcome update(User user, Version expected);

    /**
     * {@link #update(User, Version)} of {@code after}, a change of {@code before} as this unit of work
     * read it (the version expected is {@code before}'s): a store may leave alone what the two have
     * in common, such as the index rows of emails a change of {@code active} did not touch. The
     * default writes all of {@code after}.
     */
    default WriteOutcome replace(User before, User after) {
        return update(after, before.version());
    }

    Optional<User> find(TenantId tenant, UserId id);

    /**
     * {@link #find} with the groups the user is a member of, read together: one statement where
     * the store can, since a read of one user is the most frequent request there is.
     */
    Optional<UserWithGroups> findWithGroups(TenantId tenant, UserId id);

    /**
     * The user, locked for the rest of the unit of work: a concurrent writer of the same user
     * waits until it ends, so a read-modify-write decides races in the store instead of by retry.
     * Every use case that changes a user locks it first, before anything that depends on it
     * (invitations, memberships), so that locks are always taken in the same order.
     */
    Optional<User> lock(TenantId tenant, UserId id);

    /**
     * Like {@link #userNames}, and the users found are locked (in id order) for the rest of the unit
     * of work: a group membership added for them cannot race with their deletion.
     */
    Map<UserId, UserName> lockNames(TenantId tenant, Collection<UserId> ids);

    /** The user with this name ignoring case. */
    Optional<User> findByUserName(TenantId tenant, UserName userName);

    /**
     * The {@code userName} of each of {@code ids} that names a stored user of the tenant (suspended
     * ones included), a few hundred ids per read, never one read per id: group membership checks and the
     * {@code display} of group members. Ids of other tenants and unknown ids are absent.
     */
    Map<UserId, UserName> userNames(TenantId tenant, Collection<UserId> ids);

    /**
     * A SCIM query: the filter is evaluated over the SCIM representation of each user, groups included.
     * A {@link org.provisio.domain.model.KeysetRequest} page holds the users after its key and the key of its
     * last user when more follow; a user that matches throughout, with the same sort key, is on exactly
     * one of a query's keyset pages, whatever is added or removed between them. A key this store did not
     * write for this query's order is {@code invalidCursor}.
     */
    default Page<User> query(TenantId tenant, UserQuery query) {
        return queryWithGroups(tenant, query).map(UserWithGroups::user);
    }

    /**
     * {@link #query} with the groups each user is a member of (what the filter saw and the answer
     * shows), read together: one statement where the store can, since a lookup by {@code userName}
     * is what identity providers send before every change.
     */
    Page<UserWithGroups> queryWithGroups(TenantId tenant, UserQuery query);

    /** A tenant's users, optionally of one status, in creation order. */
    default Page<User> listByStatus(TenantId tenant, Optional<UserStatus> status, PageRequest page) {
        return listByStatus(tenant, status, Optional.empty(), page);
    }

    /**
     * A tenant's users, optionally of one status and matching a search text — contained, ignoring
     * case, in the userName, the displayName, the given or family name, or an email — in creation order.
     */
    Page<User> listByStatus(TenantId tenant, Optional<UserStatus> status, Optional<String> search, PageRequest page);

    /**
     * Suspended users of any tenant whose purge time is at or before {@code now}, oldest purge time
     * first, locked for the rest of the unit of work; rows another purger holds are passed over,
     * so that purgers of several instances never take the same user.
     */
    List<User> dueForPurge(Instant now, int limit);

    /**
     * Moves each of {@code ids} that names a stored user of the tenant to its next version, last
     * modified {@code at}, its attributes unchanged: its {@code groups} changed (a membership, a
     * group's name), which is part of its SCIM representation, so its {@code ETag} must change too.
     * Unknown ids are passed over; the number of users touched.
     */
    int touch(TenantId tenant, Collection<UserId> ids, Instant at);

    /** Removes a user for good; false if there was none. */
    boolean delete(TenantId tenant, UserId id);
}
