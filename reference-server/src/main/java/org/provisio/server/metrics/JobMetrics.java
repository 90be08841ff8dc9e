package org.provisio.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.JobObserver;

/**
 * What the jobs did, as counters: retention purge runs and the users they purged, and outbox
 * delivery attempts by outcome ({@code delivered}, {@code retrying}, {@code parked}) and message
 * kind. Every counter exists from the start, at zero, so that a rate over it is defined at once.
 */
final class JobMetrics implements JobObserver {
    static final String PURGE_RUNS = "provisio.purge.runs";
    static final String USERS_PURGED = "provisio.users.purged";
    static final String DELIVERIES = "provisio.outbox.deliveries";

    private final Counter purgeRuns;
    private final Counter usersPurged;
    private final Map<OutboxMessage.Kind, Counter> delivered = new EnumMap<>(OutboxMessage.Kind.class);
    private final Map<OutboxMessage.Kind, Counter> retrying = new EnumMap<>(OutboxMessage.Kind.class);
    private final Map<OutboxMessage.Kind, Counter> parked = new EnumMap<>(OutboxMessage.Kind.class);

    JobMetrics(MeterRegistry registry) {
        this.purgeRuns = Counter.builder(PURGE_RUNS).description("Retention purge runs").register(registry);
        this.usersPurged = Counter.builder(USERS_PURGED)
                .description("Users purged because their retention period had ended").register(registry);
        for (OutboxMessage.Kind kind : OutboxMessage.Kind.values()) {
            delivered.put(kind, delivery(registry, "delivered", kind));
            retrying.put(kind, delivery(registry, "retrying", kind));
            parked.put(kind, delivery(registry, "parked", kind));
        }
    }

    private static Counter delivery(MeterRegistry registry, String outcome, OutboxMessage.Kind kind) {
        return Counter.builder(DELIVERIES)
                .description("Outbox delivery attempts: delivered, failed and to be retried, or failed for the last time and parked")
                .tags("outcome", outcome, "kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    @Override
    public void purgeRan(int users) {
        purgeRuns.increment();
        usersPurged.increment(users);
    }

    @Override
    public void delivered(OutboxMessage.Kind kind) {
        delivered.get(kind).increment();
    }

    @Override
    public void retrying(OutboxMessage.Kind kind) {
        retrying.get(kind).increment();
    }

    @Override
    public void parked(OutboxMessage.Kind kind) {
        parked.get(kind).increment();
    }
}
