package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An active user, active since {@code since} (acceptance of the invitation or restore). */
public record Active(Instant since) implements UserState, Suspendable {
    public Active {
        Objects.requireNonNull(since, "since");
    }

    @Override
    public UserStatus status() {
        return UserStatus.ACTIVE;
    }

    /** {@code active=false}: access is suspended. */
    @Override
    public Suspended.FromActive suspend(Instant at, Retention retention) {
        return new Suspended.FromActive(at, retention.purgeAt(at));
    }
}
