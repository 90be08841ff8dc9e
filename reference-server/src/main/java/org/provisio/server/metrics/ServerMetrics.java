package org.provisio.server.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.provisio.adapters.memory.InMemoryCredentialCache;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.port.JobObserver;
import org.provisio.domain.usecase.KeptReads;
import org.provisio.domain.usecase.OutboxStatus;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.RealmGuard;
import org.provisio.jaxrs.http.RequestObserver;
import org.provisio.jaxrs.http.RequestObserverFilter;
import org.provisio.server.Sampled;

/**
 * The reference server's metrics, made when {@code PROVISIO_METRICS_TOKEN} is set: a Prometheus
 * registry with the JVM's and the process's meters bound at once, and the hooks through which the
 * rest of the server reports to it — {@link #requests()} for the HTTP filter, {@link #jobs()} for
 * the domain's jobs, {@link #pool} for HikariCP, {@link #credentialCache} for the cache of SCIM
 * credentials, {@link #keptReads} for the SCIM reads kept in memory, {@link #install} for the
 * endpoint and the outbox's depth. Nothing outside this
 * package sees Micrometer.
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics(token);
 * JdbcStore.open(settings, metrics::pool);
 * Provisioning provisioning = Provisioning.builder(store).jobObserver(metrics.jobs()).credentialCache(cache).build();
 * metrics.credentialCache(cache);
 * metrics.keptReads(provisioning.keptReads());
 * metrics.install(features, provisioning.outboxStatus());
 * }</pre>
 */
public final class ServerMetrics implements AutoCloseable {
    /** How many tenants get request counters of their own; the others are counted together. */
    public static final int TENANT_CAP = 100;
    /** How often the outbox's depth is read at most: a scrape in between gets the last reading. */
    static final Duration OUTBOX_EVERY = Duration.ofSeconds(5);
    /** How long a scrape waits for the outbox's depth at most; then the depth is unknown (NaN). */
    static final Duration OUTBOX_TIMEOUT = Duration.ofSeconds(1);

    private static final String CACHE_LOOKUPS = "provisio.credential.cache.lookups";
    private static final String KEPT_LOOKUPS = "provisio.read.kept.lookups";

    private final String token;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RequestMetrics requests;
    private final JobMetrics jobs;

    /** Metrics served at {@code /metrics} to {@code Authorization: Bearer <token>}. */
    public ServerMetrics(String token) {
        this.token = Objects.requireNonNull(token, "token");
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.requests = new RequestMetrics(registry, TENANT_CAP);
        this.jobs = new JobMetrics(registry);
    }

    /** What the HTTP filter reports each request to. */
    public RequestObserver requests() {
        return requests;
    }

    /** What the domain reports purges and outbox deliveries to ({@code Provisioning.Builder#jobObserver}). */
    public JobObserver jobs() {
        return jobs;
    }

    /** Makes HikariCP report its pool ({@code hikaricp_*}); give it to {@code JdbcStore.open}. */
    public void pool(HikariConfig config) {
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /**
     * Serves {@code GET /metrics} for the token, observes every request, and reads the outbox's
     * depth when scraped: at most every {@link #OUTBOX_EVERY}, never holding a scrape longer than
     * {@link #OUTBOX_TIMEOUT}.
     */
    public void install(ProvisioFeature.Builder features, OutboxStatus outbox) {
        features.guard(Realm.METRICS, RealmGuard.bearer(token))
                .register(new MetricsResource(registry))
                .register(new RequestObserverFilter(requests));
        Sampled<OutboxDepth> depth = new Sampled<>(() -> outbox.depth(Optional.empty()), OUTBOX_EVERY, OUTBOX_TIMEOUT,
                null, "provisio-metrics-outbox");
        outboxGauge(depth, "pending", OutboxDepth::pending);
        outboxGauge(depth, "retrying", OutboxDepth::retrying);
        outboxGauge(depth, "parked", OutboxDepth::parked);
        Gauge.builder("provisio.outbox.oldest.pending.age", depth, d -> {
            OutboxDepth read = d.get();
            return read == null ? Double.NaN : read.oldestPendingAt()
                    .map(at -> Math.max(0, Duration.between(at, Clock.systemUTC().instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        }).description("Age of the oldest message still to be delivered (0 when there is none)")
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    /** Reports how often SCIM authentication found its credential in {@code cache}, read when scraped. */
    public void credentialCache(InMemoryCredentialCache cache) {
        lookups(CACHE_LOOKUPS, "Credential lookups of SCIM authentication, answered from memory (hit) or the store (miss)",
                cache, c -> c.stats().hits(), c -> c.stats().misses());
    }

    /**
     * Counts the SCIM reads answered from memory ({@code provisio.read.kept.lookups}, {@code result}
     * {@code hit} or {@code miss}; on a store without a change count, PostgreSQL, both stay 0) and
     * gauges how many answers are held ({@code provisio.read.kept.size}, beside its capacity).
     */
    public void keptReads(KeptReads kept) {
        lookups(KEPT_LOOKUPS, "SCIM reads that could be kept in memory, answered from it (hit) or the store (miss)",
                kept, k -> k.stats().hits(), k -> k.stats().misses());
        Gauge.builder("provisio.read.kept.size", kept, k -> k.stats().size())
                .description("Answers of SCIM reads held in memory, current or retired").register(registry);
        Gauge.builder("provisio.read.kept.capacity", kept, k -> k.stats().capacity())
                .description("The most answers of SCIM reads held in memory").register(registry);
    }

    /** A counter {@code name} in two series, {@code result="hit"} and {@code result="miss"}, read when scraped. */
    private <T> void lookups(String name, String description, T source, ToDoubleFunction<T> hits,
                             ToDoubleFunction<T> misses) {
        FunctionCounter.builder(name, source, hits).description(description).tag("result", "hit").register(registry);
        FunctionCounter.builder(name, source, misses).description(description).tag("result", "miss").register(registry);
    }

    private void outboxGauge(Sampled<OutboxDepth> depth, String state, ToDoubleFunction<OutboxDepth> count) {
        Gauge.builder("provisio.outbox.messages", depth, d -> {
            OutboxDepth read = d.get();
            return read == null ? Double.NaN : count.applyAsDouble(read);
        }).description("Outbox messages by state: pending (never failed), retrying (failed, waiting), parked (given up)")
                .tag("state", state).strongReference(true).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
