package org.provisio.domain.usecase;

/**
 * Delivers the outbox messages that are due, oldest first, through a
 * {@link org.provisio.domain.port.MessageSender}. A failed message is retried later with a
 * growing delay; a message whose delivery is interrupted by a crash is claimed again when its
 * lease ends, so nothing is lost across restarts.
 */
public interface DispatchOutbox {
    /** Dispatches up to one batch; returns how many messages were delivered. */
    int dispatchDue();
}
