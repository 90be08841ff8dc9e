package org.provisio.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.service.Deliveries;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.service.ProvisioningJobs;
import org.springframework.context.SmartLifecycle;

/**
 * {@link ProvisioningJobs} — the retention purge, the outbox dispatcher that delivers invitations to the
 * {@link InvitationMailer} and lifecycle events to every {@link LifecycleListener}, and the writing of
 * credential uses — started with the application context and stopped when it closes. It stops after the
 * web server (its phase is lower), so that the requests that finish during a graceful shutdown still
 * have their events dispatched while the jobs run; the {@code DataSource} closes only after it.
 */
public final class ProvisioJobsLifecycle implements SmartLifecycle {
    /** Below the web server's phases: started before it, stopped after it. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Provisioning provisioning;
    private final InvitationMailer mailer;
    private final List<LifecycleListener> listeners;
    private final Duration purgeInterval;
    private final Duration dispatchInterval;
    private volatile ProvisioningJobs jobs;

    public ProvisioJobsLifecycle(Provisioning provisioning, InvitationMailer mailer, List<LifecycleListener> listeners,
                                 Duration purgeInterval, Duration dispatchInterval) {
        this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.listeners = List.copyOf(listeners);
        this.purgeInterval = Objects.requireNonNull(purgeInterval, "purgeInterval");
        this.dispatchInterval = Objects.requireNonNull(dispatchInterval, "dispatchInterval");
    }

    @Override
    public synchronized void start() {
        if (jobs == null) {
            jobs = ProvisioningJobs.builder(provisioning, Deliveries.route(mailer, listeners))
                    .purgeInterval(purgeInterval)
                    .dispatchInterval(dispatchInterval)
                    .start();
        }
    }

    @Override
    public synchronized void stop() {
        if (jobs != null) {
            jobs.close();
            jobs = null;
        }
    }

    @Override
    public boolean isRunning() {
        return jobs != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The lifecycle listeners the dispatcher delivers events to, in order. */
    public List<LifecycleListener> listeners() {
        return listeners;
    }
}
