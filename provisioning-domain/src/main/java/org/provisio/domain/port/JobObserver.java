package org.provisio.domain.port;

import org.provisio.domain.model.OutboxMessage;

/**
 * What the background work did, for monitoring: each retention purge run with the users it purged,
 * and each outbox delivery attempt's outcome. Unlike a {@link LifecycleListener}, an observer is
 * told in process, at once and only once, with nothing stored: it counts, it decides nothing. It is
 * called on the job's own thread, so it must be quick and must not throw. Every method does nothing
 * by default; {@link #NONE} observes nothing.
 *
 * <pre>{@code
 * Provisioning.builder(store).jobObserver(new JobObserver() {
 *     public void parked(OutboxMessage.Kind kind) { parkedCounter.increment(); }
 * })
 * }</pre>
 */
public interface JobObserver {
    /** Observes nothing. */
    JobObserver NONE = new JobObserver() {
    };

    /** A retention purge run ended, having purged {@code users} users (often none). */
    default void purgeRan(int users) {
    }

    /** An outbox message of this kind was delivered. */
    default void delivered(OutboxMessage.Kind kind) {
    }

    /** Delivering an outbox message of this kind failed; it is tried again after a delay. */
    default void retrying(OutboxMessage.Kind kind) {
    }

    /** Delivering an outbox message of this kind failed for the last allowed time: it is parked. */
    default void parked(OutboxMessage.Kind kind) {
    }
}
