package org.provisio.domain.usecase;

/**
 * Purges every suspended user whose retention has elapsed ({@code purgeAt <= now}), in bounded
 * batches, each batch one unit of work. Memberships and invitations go; an audit entry stays.
 */
public interface PurgeExpiredUsers {
    /** The number of users purged. */
    int purgeExpired();
}
