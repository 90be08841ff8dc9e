package org.provisio.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;

/**
 * The durable outbox: messages appended in the unit of work of the change that caused them,
 * claimed by a dispatcher and marked delivered, failed or parked.
 *
 * <p>Order: the messages of one user (tenant and user id) are handed out one at a time, in
 * append order. A message is claimable only while it is its user's <em>head</em>: the oldest of
 * the user's messages that is neither delivered nor parked. So a user's next message waits while
 * the previous one is leased to a dispatcher (of this or another instance) or failed and waiting
 * for its retry; other users' messages are not held up. Parked messages give up their place.
 *
 * <p>A claim is a lease: a message claimed and neither delivered, failed nor parked becomes
 * claimable again when it ends (the dispatcher crashed). Delivery is therefore at-least-once.
 */
public interface Outbox {
    void append(OutboxMessage message);

    /**
     * Up to {@code max} messages, each its user's head and available at {@code now} (never
     * claimed, its lease ended, or its retry time reached), in append order, each leased until
     * {@code now + lease}. Claims of concurrent dispatchers never overlap.
     */
    List<OutboxMessage> claim(int max, Instant now, Duration lease);

    /** Delivered: removed, never claimed again. False if unknown. */
    boolean markDelivered(String messageId);

    /** A failed attempt: counted, claimable again from {@code retryAt}. False if unknown or parked. */
    boolean markFailed(String messageId, Instant retryAt);

    /**
     * The last failed attempt: counted, and the message parked at {@code at}: never claimed again,
     * still {@linkplain #list listed} and counted. False if unknown or already parked.
     */
    boolean markParked(String messageId, Instant at);

    /** Up to {@code max} undelivered messages in the given states, of one tenant or all, in append order. */
    List<OutboxMessage> list(Optional<TenantId> tenant, Set<OutboxMessage.State> states, int max);

    /** The depth of the outbox, of one tenant or of all. */
    OutboxDepth depth(Optional<TenantId> tenant);
}
