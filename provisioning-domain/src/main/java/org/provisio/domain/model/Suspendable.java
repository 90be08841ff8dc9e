package org.provisio.domain.model;

import java.time.Instant;

/** The states a user can be suspended from ({@code active=false}): Pending and Active. */
public sealed interface Suspendable permits Pending, Active {
    /** Suspends at {@code at}; the user is purged when {@code retention} has elapsed. */
    Transition<? extends Suspended> suspend(Instant at, Retention retention);
}
