package org.provisio.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.provisio.jaxrs.http.RequestObserver;

/**
 * Requests as meters: one timer (count, sum and latency buckets) per resource, method and status
 * class, and one counter per tenant for the first {@code tenantCap} tenants seen, the others
 * together as {@code other}. Every value comes from routing or authentication (see
 * {@link RequestObserver}), so the number of series is bounded. Meters are made once and found
 * again by plain map lookups: a request allocates nothing here.
 */
final class RequestMetrics implements RequestObserver {
    static final String REQUESTS = "provisio.http.requests";
    static final String TENANT_REQUESTS = "provisio.tenant.requests";
    /** The label value of the tenants beyond the cap. */
    static final String OTHER_TENANTS = "other";
    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final int tenantCap;
    /** resource → method → timers by status class. */
    private final ConcurrentMap<String, ConcurrentMap<String, Timer[]>> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> tenants = new ConcurrentHashMap<>();
    private final Counter otherTenants;

    RequestMetrics(MeterRegistry registry, int tenantCap) {
        this.registry = registry;
        this.tenantCap = tenantCap;
        this.otherTenants = tenantCounter(OTHER_TENANTS);
    }

    @Override
    public void completed(String resource, String method, int status, String tenant, long nanos) {
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        ConcurrentMap<String, Timer[]> byMethod = timers.get(resource);
        if (byMethod == null) {
            byMethod = timers.computeIfAbsent(resource, r -> new ConcurrentHashMap<>());
        }
        Timer[] byStatus = byMethod.get(method);
        if (byStatus == null) {
            byStatus = byMethod.computeIfAbsent(method, m -> new Timer[STATUS_CLASSES.length]);
        }
        Timer timer = byStatus[statusClass];
        if (timer == null) {
            timer = timer(resource, method, statusClass);
            byStatus[statusClass] = timer;
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (tenant != null) {
            tenant(tenant).increment();
        }
    }

    private Timer timer(String resource, String method, int statusClass) {
        // registering twice is harmless: the registry hands back the meter it already has
        return Timer.builder(REQUESTS)
                .description("HTTP requests answered, by what routing matched, method and status class")
                .tags("resource", resource, "method", method, "status", STATUS_CLASSES[statusClass])
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter tenant(String tenant) {
        Counter counter = tenants.get(tenant);
        if (counter != null) {
            return counter;
        }
        synchronized (tenants) {
            if (tenants.size() >= tenantCap) {
                return otherTenants;
            }
            return tenants.computeIfAbsent(tenant, this::tenantCounter);
        }
    }

    private Counter tenantCounter(String tenant) {
        return Counter.builder(TENANT_REQUESTS)
                .description("SCIM requests authenticated by a tenant's credential; tenants beyond the cap are 'other'")
                .tag("tenant", tenant)
                .register(registry);
    }
}
