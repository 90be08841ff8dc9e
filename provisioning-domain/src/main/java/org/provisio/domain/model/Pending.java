package org.provisio.domain.model;

import java.time.Instant;
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

    /** The invitation was accepted. */
    public Active accept(Instant at) {
        return new Active(at);
    }

    /** {@code active=false}: the invitation may no longer be accepted. */
    @Override
    public Suspended.FromPending suspend(Instant at, Retention retention) {
        return new Suspended.FromPending(at, retention.purgeAt(at));
    }
}
