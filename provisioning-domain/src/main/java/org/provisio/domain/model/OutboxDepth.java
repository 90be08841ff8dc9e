package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How deep the outbox is, for monitoring: how many undelivered messages are {@code pending}
 * (never failed, including those being delivered right now), {@code retrying} (failed at least
 * once, waiting for their next attempt) and {@code parked} (given up on); and when the oldest
 * message still to be delivered (pending or retrying) was created. A growing
 * {@code oldestPendingAt} age means the mail server or webhook is down.
 */
public record OutboxDepth(long pending, long retrying, long parked, Optional<Instant> oldestPendingAt) {
    /** An empty outbox. */
    public static final OutboxDepth EMPTY = new OutboxDepth(0, 0, 0, Optional.empty());

    public OutboxDepth {
        if (pending < 0 || retrying < 0 || parked < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Objects.requireNonNull(oldestPendingAt, "oldestPendingAt");
    }
}
