package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Provisioned and invited: the invitation {@code invitation} waits to be accepted. */
public record Pending(InvitationId invitation) implements UserState, Suspendable {
    public Pending {
        Objects.requireNonNull(invitation, "invitation");
    }

    @Override
    public UserStatus status() {
        return UserStatus.PENDING;
    }

    /** The invitation was accepted: the user is active and the invitation consumed. */
    public Transition<Active> accept(Instant at) {
        return Transition.to(new Active(at),
                new Effect.InvitationAccepted(invitation),
                new Effect.Audited(AuditAction.USER_ACTIVATED, "invitation:" + invitation),
                new Effect.Announced(LifecycleEvent.Type.ACTIVATED, Map.of()));
    }

    /** {@code active=false}: the invitation is revoked and may no longer be accepted. */
    @Override
    public Transition<Suspended.FromPending> suspend(Instant at, Retention retention) {
        Suspended.FromPending after = new Suspended.FromPending(at, retention.purgeAt(at));
        return Transition.to(after,
                new Effect.InvitationRevoked(invitation),
                new Effect.Audited(AuditAction.USER_SUSPENDED, "from pending"),
                new Effect.Announced(LifecycleEvent.Type.SUSPENDED, Map.of("purgeAt", after.purgeAt().toString())));
    }

    /** A fresh invitation replaces this one, which stops working. */
    public Transition<Pending> reissue(InvitationId fresh) {
        return Transition.to(new Pending(fresh),
                new Effect.InvitationRevoked(invitation),
                new Effect.InvitationIssued(fresh));
    }
}
