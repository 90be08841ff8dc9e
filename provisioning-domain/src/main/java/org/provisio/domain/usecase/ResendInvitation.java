package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;

/** Sends a pending user a fresh invitation; the previous one stops working. */
public interface ResendInvitation {
    Outcome resend(Command command);

    /** Which user, and who asks. */
    record Command(TenantId tenantId, UserId userId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** How a resend ended. */
    sealed interface Outcome {
    }

    /** A fresh invitation was issued and its email queued. */
    record Resent(InvitationId invitationId, Instant expiresAt) implements Outcome {
        public Resent {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Only pending users are invited. */
    record NotPending(UserStatus status) implements Outcome {
        public NotPending {
            Objects.requireNonNull(status, "status");
        }
    }

    /** No such user. */
    record NotFound() implements Outcome {
    }
}
