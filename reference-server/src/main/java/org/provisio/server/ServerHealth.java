package org.provisio.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.provisio.domain.model.TenantId;
import org.provisio.jaxrs.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server's readiness ({@code GET /health/ready}): not shutting down, the store open —
 * and so migrated, as opening migrates it — and answering a read of one row by its key within
 * {@link #TIMEOUT}. That read is made at most once per {@link #EVERY} however often a load balancer
 * polls, and a probe never waits longer than the timeout, even on a database that hangs.
 *
 * <p>At shutdown {@link #drain()} turns readiness DOWN for good first, then lets the server go on
 * serving for the drain period ({@code PROVISIO_SHUTDOWN_DRAIN}) while load balancers notice;
 * only then does the server stop accepting connections and finish the requests in flight.
 */
final class ServerHealth implements Readiness {
    /** How often the store is asked at most. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** How long a readiness probe waits for the store at most. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ServerHealth.class);
    private static final TenantId PROBE = TenantId.of("readiness-probe");

    private final DeferredStore store;
    private final Sampled<Boolean> answers;
    private final Duration drain;
    private final CountDownLatch drainEnded = new CountDownLatch(1);
    private volatile boolean stopping;

    ServerHealth(DeferredStore store, Duration drain) {
        this.store = store;
        this.drain = drain;
        this.answers = new Sampled<>(() -> {
            store.tenants().find(PROBE);
            return true;
        }, EVERY, TIMEOUT, false, "provisio-readiness");
    }

    @Override
    public boolean isReady() {
        return !stopping && store.isOpen() && answers.get();
    }

    /**
     * Turns readiness DOWN for good, then waits out the drain period (or until {@link #endDrain()}),
     * the server still serving.
     */
    void drain() {
        stopping = true;
        if (drain.isZero()) {
            return;
        }
        LOG.info("Stopping: /health/ready answers 503; serving on for {} (PROVISIO_SHUTDOWN_DRAIN)", drain);
        try {
            drainEnded.await(drain.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a drain under way at once. */
    void endDrain() {
        drainEnded.countDown();
    }
}
