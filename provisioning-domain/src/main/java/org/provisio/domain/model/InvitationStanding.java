package org.provisio.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an invitation link stands, decided in one place ({@link #of}) for the landing page and
 * for acceptance alike: {@link #OPEN}, or why it can no longer be accepted.
 */
public enum InvitationStanding {
    /** It can be accepted. */
    OPEN,
    /** No invitation has this token (or its user is gone). */
    UNKNOWN,
    /** It was accepted before. */
    ALREADY_USED,
    /** Its time to live elapsed. */
    EXPIRED,
    /** It was revoked: its user was suspended, or a fresh invitation replaced it. */
    REVOKED;

    /**
     * The standing of {@code invitation} (empty: no such token) at {@code now}, given its owner as
     * stored now (empty: gone). An invitation is open only while its owner is still Pending on
     * exactly this invitation.
     */
    public static InvitationStanding of(Optional<Invitation> invitation, Optional<User> owner, Instant now) {
        if (invitation.isEmpty()) {
            return UNKNOWN;
        }
        Invitation i = invitation.get();
        if (i.acceptedAt().isPresent()) {
            return ALREADY_USED;
        }
        if (i.revokedAt().isPresent()) {
            return REVOKED;
        }
        if (i.expiredAt(now)) {
            return EXPIRED;
        }
        if (owner.isEmpty()) {
            return UNKNOWN;
        }
        if (!(owner.get().state() instanceof Pending p) || !p.invitation().equals(i.id())) {
            return REVOKED;
        }
        return OPEN;
    }
}
