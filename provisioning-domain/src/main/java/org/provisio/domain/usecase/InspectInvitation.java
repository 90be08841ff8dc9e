package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * What an invitation link shows before it is accepted ({@code GET /invitations/{token}}): the
 * organization and user it invites, or why it can no longer be accepted. Reading changes nothing.
 */
public interface InspectInvitation {
    Outcome inspect(String token);

    /** What the link is. */
    sealed interface Outcome {
    }

    /** Open: "Join Acme". */
    record Open(String organization, String userName, Instant expiresAt) implements Outcome {
        public Open {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Can no longer be accepted, and why. */
    record Closed(Reason reason) implements Outcome {
        public Closed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a link is closed. */
    enum Reason { UNKNOWN, ALREADY_USED, EXPIRED, REVOKED }
}
