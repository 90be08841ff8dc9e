package org.provisio.domain.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.domain.usecase.PurgeAuditLog;
import org.provisio.domain.usecase.PurgeExpiredUsers;
import org.provisio.domain.usecase.RecordCredentialUses;
import org.provisio.domain.usecase.RecordDeviations;

/**
 * The background work every deployment needs, started and stopped together: the retention purge
 * (suspended users whose retention has ended are purged, and audit entries older than the audit
 * retention removed, by default every hour), the outbox
 * dispatcher (invitation emails and lifecycle events, every two seconds while idle and without a
 * pause while there is a backlog) and the writing of credential uses and of the client-deviation counts (every
 * ten seconds). Skipping
 * the purge takes a deliberate {@link Builder#withoutPurge()}: the product's promise is that a
 * soft-deleted person is gone after the retention period.
 *
 * <p>Safe with several instances of a product on one database: the purge and the dispatcher claim
 * their work with row locks that other instances pass over. A failing run is reported through
 * {@code System.Logger} ("provisio.jobs") and tried again at the next interval; nothing but a dying
 * JVM stops a job. {@link #close()} stops between two messages, hands back what the dispatcher
 * claimed and did not try, writes the last credential uses and deviation counts and, when the
 * executor is the jobs' own, shuts it down.
 *
 * <pre>{@code
 * ProvisioningJobs jobs = ProvisioningJobs.builder(provisioning, Deliveries.route(mailer, listeners)).start();
 * // ... at shutdown
 * jobs.close();
 * }</pre>
 */
public final class ProvisioningJobs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("provisio.jobs");
    /** How long {@link #close()} waits for a run in progress. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Future<?>> scheduled = new ArrayList<>();
    private final RecordCredentialUses uses;
    private final RecordDeviations deviations;

    private ProvisioningJobs(Builder b) {
        this.ownExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "provisio-jobs");
            t.setDaemon(true);
            return t;
        });
        this.uses = b.provisioning.recordCredentialUses();
        this.deviations = b.provisioning.recordDeviations();
        DispatchOutbox dispatcher = b.provisioning.dispatchOutbox(b.sender, stopping::get);
        scheduled.add(executor.scheduleWithFixedDelay(() -> dispatch(dispatcher), 0,
                b.dispatchInterval.toMillis(), TimeUnit.MILLISECONDS));
        scheduled.add(executor.scheduleWithFixedDelay(() -> run("recording credential uses", uses::recordNoted),
                b.usesInterval.toMillis(), b.usesInterval.toMillis(), TimeUnit.MILLISECONDS));
        scheduled.add(executor.scheduleWithFixedDelay(() -> run("recording client deviations",
                deviations::recordNoted), b.usesInterval.toMillis(), b.usesInterval.toMillis(), TimeUnit.MILLISECONDS));
        b.purgeInterval.ifPresent(interval -> {
            PurgeExpiredUsers purge = b.provisioning.purgeExpiredUsers();
            PurgeAuditLog purgeAudit = b.provisioning.purgeAuditLog();
            scheduled.add(executor.scheduleWithFixedDelay(() -> {
                run("the retention purge", () -> {
                    int purged = purge.purgeExpired();
                    if (purged > 0) {
                        LOG.log(Level.INFO, "Purged {0} user(s) whose retention period had ended", purged);
                    }
                    return purged;
                });
                run("the audit log's retention purge", () -> {
                    int removed = purgeAudit.purgeExpiredEntries();
                    if (removed > 0) {
                        LOG.log(Level.INFO, "Removed {0} audit entries older than the audit retention", removed);
                    }
                    return removed;
                });
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS));
        });
    }

    /** Jobs over {@code provisioning}, delivering the outbox through {@code sender}. */
    public static Builder builder(Provisioning provisioning, MessageSender sender) {
        return new Builder(provisioning, sender);
    }

    private void dispatch(DispatchOutbox dispatcher) {
        run("the outbox dispatcher", () -> {
            int delivered;
            do {
                delivered = dispatcher.dispatchDue();
            } while (delivered > 0 && !stopping.get());
            return 0;
        });
    }

    private void run(String what, java.util.function.IntSupplier job) {
        if (stopping.get()) {
            return;
        }
        try {
            job.getAsInt();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a task that throws is never scheduled again, so nothing may escape but a dying JVM
            if (!stopping.get()) {
                LOG.log(Level.ERROR, what + " failed; it runs again at its next interval", e);
            }
        }
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        scheduled.forEach(f -> f.cancel(false));
        if (ownExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        try {
            uses.recordNoted();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The last credential uses could not be written: " + e.getMessage());
        }
        try {
            deviations.recordNoted();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The last client deviations could not be written: " + e.getMessage());
        }
    }

    /** Configures {@link ProvisioningJobs}. */
    public static final class Builder {
        private final Provisioning provisioning;
        private final MessageSender sender;
        private Optional<Duration> purgeInterval = Optional.of(Duration.ofHours(1));
        private Duration dispatchInterval = Duration.ofSeconds(2);
        private Duration usesInterval = Duration.ofSeconds(10);
        private ScheduledExecutorService executor;

        private Builder(Provisioning provisioning, MessageSender sender) {
            this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /** How often expired users are purged (default one hour). */
        public Builder purgeInterval(Duration interval) {
            this.purgeInterval = Optional.of(positive(interval, "purgeInterval"));
            return this;
        }

        /**
         * No retention purge on this instance: suspended users stay until another instance (or the
         * product itself, through {@code purgeExpiredUsers()}) purges them.
         */
        public Builder withoutPurge() {
            this.purgeInterval = Optional.empty();
            return this;
        }

        /** How long the dispatcher rests when the outbox is empty (default two seconds). */
        public Builder dispatchInterval(Duration interval) {
            this.dispatchInterval = positive(interval, "dispatchInterval");
            return this;
        }

        /** How often noted credential uses and client-deviation counts are written (default ten seconds). */
        public Builder credentialUsesInterval(Duration interval) {
            this.usesInterval = positive(interval, "credentialUsesInterval");
            return this;
        }

        /**
         * The product's own scheduler, with at least two threads; the jobs cancel their tasks on
         * {@link #close()} and leave the executor running. By default the jobs have their own.
         */
        public Builder executor(ScheduledExecutorService value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** Schedules the jobs; the first purge and dispatch run at once. */
        public ProvisioningJobs start() {
            return new ProvisioningJobs(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
