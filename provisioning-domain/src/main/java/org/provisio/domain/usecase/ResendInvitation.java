package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * Sends a pending user a fresh invitation; the previous one stops working. Refused with
 * {@link Refusal.NotFound}, or {@link Refusal.WrongStatus} for a user who is not pending.
 */
public interface ResendInvitation {
    Outcome<Resent> resend(Command command);

    /** Which user, and who asks. */
    record Command(TenantId tenantId, UserId userId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The fresh invitation, whose email is queued. */
    record Resent(InvitationId invitationId, Instant expiresAt) {
        public Resent {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
