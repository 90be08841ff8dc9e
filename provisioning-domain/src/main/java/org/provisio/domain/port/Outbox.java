package org.provisio.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * The durable outbox: messages appended in the unit of work of the change that caused them,
 * claimed by a dispatcher and marked delivered, failed or parked.
 *
 * <p>Order: the messages of one user (tenant and user id) are delivered in append order. A
 * claim hands out, per user, a run of consecutive messages starting at the user's <em>head</em>
 * (the oldest of the user's messages that is neither delivered nor parked), so that a user's
 * backlog drains in batches; the dispatcher delivers a run in order and, when one message fails,
 * {@linkplain #release releases} the rest of the run untried. While a user's head is leased to a
 * dispatcher (of this or another instance) or waits for its retry, none of the user's messages is
 * claimable; other users' messages are not held up. Parked messages give up their place.
 *
 * <p>A claim is a lease: a message claimed and neither delivered, failed, parked nor released
 * becomes claimable again when the lease ends (the dispatcher crashed). Delivery is therefore
 * at-least-once. Claims are served by an index, never by sorting the whole outbox.
 */
public interface Outbox {
    /** Appends messages in their order, in one round trip where the store can. */
    void appendAll(List<OutboxMessage> messages);

    default void append(OutboxMessage message) {
        appendAll(List.of(message));
    }

    /**
     * Up to {@code max} messages available at {@code now} (never claimed, lease ended, retry time
     * reached), as runs of at most {@code perUser} consecutive messages of one user starting at its
     * head, runs in the order of their heads' appending, each message leased until
     * {@code now + lease}. Heads are chosen first (up to {@code max}, those available first first:
     * new and released messages, then retries by their due time); runs then grow, in their order,
     * into the room the heads left, so one user's backlog never keeps another user's head out of a
     * claim, and a backlog alone fills whole claims. Claims of concurrent dispatchers never overlap.
     */
    List<OutboxMessage> claim(int max, int perUser, Instant now, Duration lease);

    /** Claimed but not attempted: claimable again at once, attempts unchanged. */
    void release(Collection<String> messageIds);

    /** Delivered: removed, never claimed again. False if unknown. */
    boolean markDelivered(String messageId);

    /** A failed attempt: counted, claimable again from {@code retryAt}. False if unknown or parked. */
    boolean markFailed(String messageId, Instant retryAt);

    /**
     * The last failed attempt: counted, and the message parked at {@code at}: never claimed again,
     * still {@linkplain #list listed} and counted. False if unknown or already parked.
     */
    boolean markParked(String messageId, Instant at);

    /**
     * A parked message due again at once, its attempts kept: false if there is no such parked message.
     */
    boolean requeue(String messageId);

    /** Up to {@code max} undelivered messages in the given states, of one tenant or all, in append order. */
    List<OutboxMessage> list(Optional<TenantId> tenant, Set<OutboxMessage.State> states, int max);

    /** The depth of the outbox, of one tenant or of all. */
    OutboxDepth depth(Optional<TenantId> tenant);

    /** The undelivered messages of one user, parked ones included, in append order. */
    List<OutboxMessage> messagesOf(TenantId tenant, UserId user);

    /** Removes messages (delivered or not); the number removed. */
    int remove(Collection<String> messageIds);
}
