package org.provisio.server.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.domain.usecase.PurgeExpiredUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's two background jobs: the retention purge every {@code PROVISIO_PURGE_INTERVAL}
 * and the outbox dispatcher every two seconds. Both work from durable state (purge dates,
 * outbox rows), so a restart loses nothing and repeats nothing harmful; a failing run is logged
 * and the next one tries again. {@link #close()} lets a running job finish.
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    static final Duration DISPATCH_INTERVAL = Duration.ofSeconds(2);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "provisio-jobs");
        t.setDaemon(true);
        return t;
    });

    public BackgroundJobs(PurgeExpiredUsers purge, Duration purgeInterval, DispatchOutbox dispatcher) {
        executor.scheduleWithFixedDelay(() -> runPurge(purge), 0, purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> runDispatch(dispatcher), 0, DISPATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void runPurge(PurgeExpiredUsers purge) {
        try {
            int purged = purge.purgeExpired();
            if (purged > 0) {
                LOG.info("Purged {} user(s) whose retention period had ended", purged);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a task that throws is never scheduled again, so nothing may escape but a dying JVM
            LOG.error("The retention purge failed; it runs again at the next interval", e);
        }
    }

    private static void runDispatch(DispatchOutbox dispatcher) {
        try {
            while (dispatcher.dispatchDue() > 0 && !Thread.currentThread().isInterrupted()) {
                // keep going while there is a backlog
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("The outbox dispatcher failed; it runs again shortly", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
