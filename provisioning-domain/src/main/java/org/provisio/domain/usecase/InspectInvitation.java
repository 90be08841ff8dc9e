package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * What an invitation link shows before it is accepted ({@code GET /invitations/{token}}): the
 * organization and user it invites, or — refused with {@link Refusal.InvitationClosed} — why it can
 * no longer be accepted, decided exactly as acceptance decides it. Reading changes nothing.
 */
public interface InspectInvitation {
    Outcome<Open> inspect(String token);

    /** An open invitation: "Join Acme". */
    record Open(String organization, String userName, Instant expiresAt) {
        public Open {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
