package org.provisio.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.provisio.domain.model.OutboxMessage;

/**
 * The durable outbox: messages appended in the unit of work of the change that caused them,
 * claimed by a dispatcher in append order and marked delivered or failed. A claim is a lease:
 * a message claimed and neither delivered nor failed becomes claimable again when it ends.
 */
public interface Outbox {
    void append(OutboxMessage message);

    /** Up to {@code max} undelivered messages available at {@code now}, in append order, each leased until {@code now + lease}. */
    List<OutboxMessage> claim(int max, Instant now, Duration lease);

    /** Delivered: never claimed again. False if unknown. */
    boolean markDelivered(String messageId);

    /** Delivery failed: claimable again from {@code retryAt}. False if unknown or delivered. */
    boolean markFailed(String messageId, Instant retryAt);
}
