package org.provisio.domain.port;

import org.provisio.domain.model.OutboxMessage;

/**
 * Delivers one outbox message to the world outside the process: the invitation email to the
 * person, a lifecycle event to the embedding product. Returning normally means delivered; any
 * exception means "try again later". Delivery is at-least-once, so a sender should treat
 * {@link OutboxMessage#id()} as an idempotency key.
 */
@FunctionalInterface
public interface MessageSender {
    void send(OutboxMessage message);
}
