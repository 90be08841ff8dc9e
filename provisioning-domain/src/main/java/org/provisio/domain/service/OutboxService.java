package org.provisio.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.JobObserver;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.port.Outbox;
import org.provisio.domain.usecase.DispatchOutbox;

/**
 * Claims due outbox messages with a lease, as runs of up to {@value #PER_USER} consecutive messages
 * per user, and hands them to the sender in order. When a message fails, the rest of its user's run
 * is released untried (its order must hold); the failed one is retried after a delay that doubles
 * with each attempt ({@link #retryDelay}) and, after {@code maxAttempts} failures, parked in one
 * unit of work with its audit entry. {@link #dispatchDue} stops between messages once asked to, and
 * releases what it claimed and did not try, so that a stopping process hands its claims back at once.
 */
final class OutboxService implements DispatchOutbox {
    static final int BATCH = 100;
    /**
     * A run may fill a whole claim: heads of other users are claimed first anyway, so a user's long
     * backlog (a burst of changes to one person) drains a hundred at a time without holding them up.
     */
    static final int PER_USER = BATCH;
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /**
     * Delivered messages are removed in one write when the claim is done, or sooner once this long
     * has passed since the last write (slow senders): a crash before the write redelivers them after
     * their lease, as delivery is at-least-once anyway, so this bounds what a crash sends twice. A
     * write per message made PostgreSQL's commits (one WAL flush each) the pace of the dispatcher.
     */
    static final Duration FLUSH_AFTER = Duration.ofMillis(250);
    /** The longest detail of a parked message's audit entry. */
    private static final int MAX_DETAIL = 500;

    private final Context ctx;
    private final MessageSender sender;
    private final int maxAttempts;
    private final DoubleSupplier jitter;
    private final BooleanSupplier stopping;
    private final JobObserver observer;

    OutboxService(Context ctx, MessageSender sender, int maxAttempts, BooleanSupplier stopping, JobObserver observer) {
        this(ctx, sender, maxAttempts, () -> ThreadLocalRandom.current().nextDouble(), stopping, observer);
    }

    OutboxService(Context ctx, MessageSender sender, int maxAttempts, DoubleSupplier jitter, BooleanSupplier stopping,
                  JobObserver observer) {
        this.ctx = ctx;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
        this.stopping = stopping;
        this.observer = observer;
    }

    /** A user or group of a tenant: the unit of ordering. */
    private record Recipient(TenantId tenant, OutboxMessage.Subject subject) {
        static Recipient of(OutboxMessage m) {
            return new Recipient(m.tenantId(), m.subject());
        }
    }

    @Override
    public int dispatchDue() {
        Outbox outbox = ctx.store.outbox();
        List<OutboxMessage> claimed = outbox.claim(BATCH, PER_USER, ctx.now(), LEASE);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<SecretHash, Invitation> invitations = invitationsOf(claimed);
        long lastFlush = System.nanoTime();
        int delivered = 0;
        Set<Recipient> held = new HashSet<>();
        List<String> untried = new ArrayList<>();
        // delivered messages leave the outbox together, in one write per few dozen, not one each
        List<String> done = new ArrayList<>();
        for (OutboxMessage m : claimed) {
            if (held.contains(Recipient.of(m)) || stopping.getAsBoolean()) {
                // an older message of this user failed in this run, or the process is stopping
                untried.add(m.id());
                continue;
            }
            if (isStaleInvitation(m, invitations)) {
                // the invitation was revoked, replaced or accepted, or its user is gone, since the
                // email was queued: mailing a link that can only fail helps nobody
                done.add(m.id());
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
                done.add(m.id());
                delivered++;
                observer.delivered(m.kind());
                if (System.nanoTime() - lastFlush >= FLUSH_AFTER.toNanos()) {
                    outbox.remove(done);
                    done.clear();
                    lastFlush = System.nanoTime();
                }
            } else {
                held.add(Recipient.of(m));
                failed(m, failure);
            }
        }
        if (!done.isEmpty()) {
            outbox.remove(done);
        }
        if (!untried.isEmpty()) {
            outbox.release(untried);
        }
        return delivered;
    }

    /**
     * The invitations the claimed invitation emails name, read in one statement when the claim is
     * made (rather than one read per email just before it is sent).
     */
    private Map<SecretHash, Invitation> invitationsOf(List<OutboxMessage> claimed) {
        List<SecretHash> hashes = new ArrayList<>();
        for (OutboxMessage m : claimed) {
            String token = m.kind() == OutboxMessage.Kind.INVITATION_EMAIL ? m.payload().get("token") : null;
            if (token != null) {
                hashes.add(SecretHash.of(token));
            }
        }
        return hashes.isEmpty() ? Map.of()
                : ctx.store.unitOfWork().readOnly(() -> ctx.store.invitations().findByTokenHashes(hashes));
    }

    private boolean isStaleInvitation(OutboxMessage m, Map<SecretHash, Invitation> invitations) {
        if (m.kind() != OutboxMessage.Kind.INVITATION_EMAIL) {
            return false;
        }
        String token = m.payload().get("token");
        if (token == null) {
            return true;
        }
        Invitation invitation = invitations.get(SecretHash.of(token));
        return invitation == null || !invitation.isOpen() || invitation.expiredAt(ctx.now());
    }

    private void failed(OutboxMessage m, Throwable failure) {
        int attempt = m.attempts() + 1;
        Instant now = ctx.now();
        if (attempt < maxAttempts) {
            ctx.store.outbox().markFailed(m.id(), now.plus(retryDelay(attempt, jitter.getAsDouble())));
            observer.retrying(m.kind());
            return;
        }
        String detail = "message:" + m.id() + " " + m.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " parked after " + attempt + " attempts: " + failure;
        boolean[] parked = new boolean[1];
        ctx.store.unitOfWork().run(() -> {
            if (ctx.store.outbox().markParked(m.id(), now)) {
                parked[0] = true;
                ctx.store.auditLog().append(new AuditEntry(ctx.ids.next(), m.tenantId(), Actor.system(),
                        AuditAction.OUTBOX_MESSAGE_PARKED, m.subject().auditTarget(), now,
                        detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail));
            }
        });
        if (parked[0]) {
            observer.parked(m.kind());
        }
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
