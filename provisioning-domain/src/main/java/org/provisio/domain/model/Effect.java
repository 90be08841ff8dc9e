package org.provisio.domain.model;

import java.util.Map;
import java.util.Objects;

/**
 * What a lifecycle transition implies beyond the new state, as a value: an audit entry, an event
 * for the embedding product, an invitation issued, revoked or accepted. A {@link Transition}
 * carries its effects; one recorder in the domain service turns them into audit rows, outbox
 * messages and invitation rows, in the unit of work of the state change. For example
 * {@code Pending.suspend} yields {@code [InvitationRevoked, Audited(USER_SUSPENDED), Announced(SUSPENDED)]}.
 */
public sealed interface Effect permits Effect.Audited, Effect.Announced, Effect.InvitationIssued,
        Effect.InvitationRevoked, Effect.InvitationAccepted {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of effect, so that a recorder handles every kind or does not compile. */
    interface Visitor<R> {
        R audited(Audited effect);

        R announced(Announced effect);

        R invitationIssued(InvitationIssued effect);

        R invitationRevoked(InvitationRevoked effect);

        R invitationAccepted(InvitationAccepted effect);
    }

    /** An entry in the tenant's audit log on the user, e.g. {@code USER_SUSPENDED} "from active". */
    record Audited(AuditAction action, String detail) implements Effect {
        public Audited {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.audited(this);
        }
    }

    /** A lifecycle event for the embedding product, delivered through the outbox, with a small payload. */
    record Announced(LifecycleEvent.Type type, Map<String, String> payload) implements Effect {
        public Announced {
            Objects.requireNonNull(type, "type");
            payload = Map.copyOf(payload);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.announced(this);
        }
    }

    /** A new invitation with this id: stored by its token's hash, its email queued, audited. */
    record InvitationIssued(InvitationId invitation) implements Effect {
        public InvitationIssued {
            Objects.requireNonNull(invitation, "invitation");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invitationIssued(this);
        }
    }

    /** The invitation may no longer be accepted (suspended, or replaced by a fresh one); audited. */
    record InvitationRevoked(InvitationId invitation) implements Effect {
        public InvitationRevoked {
            Objects.requireNonNull(invitation, "invitation");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invitationRevoked(this);
        }
    }

    /** The invitation was used: it is consumed. */
    record InvitationAccepted(InvitationId invitation) implements Effect {
        public InvitationAccepted {
            Objects.requireNonNull(invitation, "invitation");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invitationAccepted(this);
        }
    }
}
