package org.provisio.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.usecase.DispatchOutbox;

/**
 * Claims due outbox messages with a lease and hands them to the sender. Retry delays grow with
 * the message's age (half of it, between 10 seconds and one hour) with ±20 % jitter, so a mail
 * server that is down for a while is not hammered and is retried soon after it returns.
 */
final class OutboxService implements DispatchOutbox {
    static final int BATCH = 100;
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MIN_RETRY = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final Kernel k;
    private final MessageSender sender;

    OutboxService(Kernel kernel, MessageSender sender) {
        this.k = kernel;
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public int dispatchDue() {
        Instant now = k.now();
        List<OutboxMessage> due = k.store.outbox().claim(BATCH, now, LEASE);
        int delivered = 0;
        for (OutboxMessage m : due) {
            boolean ok;
            try {
                sender.send(m);
                ok = true;
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                k.store.outbox().markDelivered(m.id());
                delivered++;
            } else {
                k.store.outbox().markFailed(m.id(), k.now().plus(retryDelay(m, k.now())));
            }
        }
        return delivered;
    }

    static Duration retryDelay(OutboxMessage m, Instant now) {
        Duration age = Duration.between(m.createdAt(), now);
        Duration half = age.dividedBy(2);
        Duration base = half.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : half.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : half;
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base.toMillis() * jitter));
    }
}
