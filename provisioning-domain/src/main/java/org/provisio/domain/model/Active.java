package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
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
    public Transition<Suspended.FromActive> suspend(Instant at, Retention retention) {
        Suspended.FromActive after = new Suspended.FromActive(at, retention.purgeAt(at));
        return Transition.to(after,
                new Effect.Audited(AuditAction.USER_SUSPENDED, "from active"),
                new Effect.Announced(LifecycleEvent.Type.SUSPENDED, Map.of("purgeAt", after.purgeAt().toString())));
    }
}
