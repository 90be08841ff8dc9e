package org.provisio.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.port.Outbox;
import org.provisio.domain.usecase.DispatchOutbox;

/**
 * Claims due outbox messages with a lease and hands them to the sender. The outbox port hands
 * out only each user's oldest waiting message, so the dispatcher claims in rounds until nothing
 * is due or one batch of attempts is spent. A failed message is retried after a delay that
 * doubles with each attempt ({@link #retryDelay}); after {@code maxAttempts} failures it is
 * parked, in one unit of work with its audit entry.
 */
final class OutboxService implements DispatchOutbox {
    static final int BATCH = 100;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** The longest detail of a parked message's audit entry. */
    private static final int MAX_DETAIL = 500;

    private final Kernel k;
    private final MessageSender sender;
    private final int maxAttempts;
    private final DoubleSupplier jitter;

    OutboxService(Kernel kernel, MessageSender sender, int maxAttempts) {
        this(kernel, sender, maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    OutboxService(Kernel kernel, MessageSender sender, int maxAttempts, DoubleSupplier jitter) {
        this.k = kernel;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    @Override
    public int dispatchDue() {
        Outbox outbox = k.store.outbox();
        int attempted = 0;
        int delivered = 0;
        while (attempted < BATCH) {
            List<OutboxMessage> due = outbox.claim(BATCH - attempted, k.now(), LEASE);
            if (due.isEmpty()) {
                break;
            }
            for (OutboxMessage m : due) {
                attempted++;
                if (isStaleInvitation(m)) {
                    // the invitation was revoked, replaced or accepted, or its user is gone, since the
                    // email was queued: mailing a link that can only fail helps nobody
                    outbox.markDelivered(m.id());
                    continue;
                }
                Throwable failure = null;
                try {
                    sender.send(m);
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    // an Error from a mailer or listener (a missing class, a bad service file) is a
                    // failed delivery like any other, not the end of the dispatcher
                    failure = e;
                }
                if (failure == null) {
                    outbox.markDelivered(m.id());
                    delivered++;
                } else {
                    failed(m, failure);
                }
            }
        }
        return delivered;
    }

    private boolean isStaleInvitation(OutboxMessage m) {
        if (m.kind() != OutboxMessage.Kind.INVITATION_EMAIL) {
            return false;
        }
        String token = m.payload().get("token");
        return token == null || k.store.invitations().findByTokenHash(SecretHash.of(token))
                .filter(Invitation::isOpen)
                .filter(i -> !i.expiredAt(k.now()))
                .isEmpty();
    }

    private void failed(OutboxMessage m, Throwable failure) {
        int attempt = m.attempts() + 1;
        Instant now = k.now();
        if (attempt < maxAttempts) {
            k.store.outbox().markFailed(m.id(), now.plus(retryDelay(attempt, jitter.getAsDouble())));
            return;
        }
        String detail = "message:" + m.id() + " " + m.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " parked after " + attempt + " attempts: " + failure;
        k.tx(() -> {
            if (k.store.outbox().markParked(m.id(), now)) {
                k.store.auditLog().append(new AuditEntry(k.ids.next(), m.tenantId(), Actor.system(),
                        AuditAction.OUTBOX_MESSAGE_PARKED, "user:" + m.userId().value(), now,
                        detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail));
            }
            return null;
        });
    }

    /**
     * The delay before attempt {@code failedAttempts + 1}: 10 s &times; 2<sup>failedAttempts&minus;1</sup>,
     * at most one hour, scaled by a jitter factor from 0.8 ({@code unit} 0) to 1.2 ({@code unit} 1).
     */
    static Duration retryDelay(int failedAttempts, double unit) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be positive");
        }
        if (unit < 0 || unit > 1) {
            throw new IllegalArgumentException("unit must be within [0, 1]");
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        long base = Math.min(FIRST_RETRY.toMillis() << doublings, MAX_RETRY.toMillis());
        return Duration.ofMillis(Math.round(base * (0.8 + 0.4 * unit)));
    }
}
