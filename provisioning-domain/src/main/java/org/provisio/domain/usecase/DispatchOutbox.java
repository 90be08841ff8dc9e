package org.provisio.domain.usecase;

/**
 * Delivers the outbox messages that are due through a
 * {@link org.provisio.domain.port.MessageSender}, with these guarantees:
 * <ul>
 *   <li><b>Per-user order.</b> A user's messages are delivered in order of creation: a message
 *   waits while an older one of the same user is being delivered or waits for its retry. Other
 *   users' messages are not held up.</li>
 *   <li><b>Retries with backoff.</b> A failed message is retried after
 *   10 s &times; 2<sup>attempt&minus;1</sup>, at most one hour, &plusmn;20 % jitter
 *   (10 s, 20 s, 40 s … 1 h).</li>
 *   <li><b>Parking.</b> After a bounded number of failed attempts (12 by default, see
 *   {@code Provisioning.Builder#outboxMaxAttempts}) the message is parked: never attempted
 *   again, still counted and listed by {@link OutboxStatus}, and audited as
 *   {@code OUTBOX_MESSAGE_PARKED} on its user.</li>
 *   <li><b>At-least-once, durable.</b> Messages live in the store; a delivery interrupted by a
 *   crash is claimed again when its lease ends. A receiver may therefore see a message twice and
 *   uses the message id as idempotency key ({@code InvitationEmail.id}, {@code LifecycleEvent.id},
 *   the webhook's {@code Provisio-Event-Id} header).</li>
 * </ul>
 */
public interface DispatchOutbox {
    /** Delivers what is due, up to one batch of attempts; returns how many messages were delivered. */
    int dispatchDue();
}
