package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.Tenants;
import org.provisio.domain.service.Provisioning;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.health.HealthResource;
import org.provisio.scim.json.ScimJson;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;

/**
 * {@code /health/live} and {@code /health/ready} over HTTP: open to anyone, saying UP or DOWN and
 * nothing else; ready only once the store is open and answers, never waiting long for one that
 * hangs, asking it at most once a second; and at shutdown DOWN first, while the requests in flight
 * are still being served.
 */
class HealthTest {
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    /** An in-memory store whose tenant reads are counted and, while {@link #hold} is up, wait until released. */
    static final class SlowStore {
        private final Store delegate = InMemoryStore.create();
        final AtomicInteger reads = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        /** The store: the in-memory one's ports, but for a slow {@code tenants().find}. */
        Store store() {
            Tenants tenants = delegate.tenants();
            Tenants slow = new Tenants() {
                @Override
                public void add(Tenant tenant) {
                    tenants.add(tenant);
                }

                @Override
                public boolean update(Tenant tenant) {
                    return tenants.update(tenant);
                }

                @Override
                public Optional<Tenant> find(TenantId id) {
                    reads.incrementAndGet();
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return tenants.find(id);
                }

                @Override
                public List<Tenant> list() {
                    return tenants.list();
                }
            };
            return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("tenants")) {
                            return slow;
                        }
                        try {
                            return method.invoke(delegate, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /** A server with nothing but the health probes, over a store that opens when {@code opening} completes. */
    private static ProvisioServer probes(CompletableFuture<Store> opening) {
        DeferredStore store = new DeferredStore(opening);
        ProvisioFeature feature = ProvisioFeature.builder(Provisioning.builder(store).build(), "http://127.0.0.1")
                .standalone().register(new HealthResource(new ServerHealth(store, Duration.ZERO))).build();
        return ProvisioServer.start(feature, "127.0.0.1", 0);
    }

    private static RawHttp.Response get(int port, String path, String... headers) {
        return RawHttp.send(port, "GET", path, null, headers);
    }

    private static void assertProbe(RawHttp.Response r, int status, String body) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        assertThat(r.headers().get("cache-control")).isEqualTo("no-store");
        assertThat(r.headers()).doesNotContainKeys("www-authenticate", "server", "x-powered-by");
    }

    @Test
    void bothProbesAnswerAnyoneWithUpAndNothingElse() {
        try (ServerFixture fixture = ServerFixture.inMemory()) {
            int port = fixture.server.port();
            for (String[] auth : new String[][] {{}, {"Authorization: Bearer nonsense"},
                    {"Authorization: Bearer " + fixture.secret}, {"Accept: text/html"}}) {
                assertProbe(get(port, "/health/live", auth), 200, UP);
                assertProbe(get(port, "/health/ready", auth), 200, UP);
            }
            assertThat(RawHttp.send(port, "POST", "/health/ready", "{}").status()).isEqualTo(405);
            assertThat(get(port, "/health").status()).isEqualTo(404);
        }
    }

    @Test
    @Timeout(60)
    void readyOnlyOnceTheStoreIsOpenAndDownWithoutDetailWhenItFailedToOpen() {
        CompletableFuture<Store> opening = new CompletableFuture<>();
        try (ProvisioServer server = probes(opening)) {
            assertProbe(get(server.port(), "/health/live"), 200, UP);
            assertProbe(get(server.port(), "/health/ready"), 503, DOWN);

            opening.complete(InMemoryStore.create());
            assertProbe(get(server.port(), "/health/ready"), 200, UP);
        }
        CompletableFuture<Store> failing = new CompletableFuture<>();
        failing.completeExceptionally(new IllegalStateException("cannot migrate database jdbc:h2:secret: V9 failed"));
        try (ProvisioServer server = probes(failing)) {
            assertProbe(get(server.port(), "/health/ready"), 503, DOWN);
            assertProbe(get(server.port(), "/health/live"), 200, UP);
        }
    }

    @Test
    @Timeout(60)
    void aStoreThatHangsMakesReadyDownWithinTheTimeoutAndIsAskedOnceAtATime() throws Exception {
        SlowStore store = new SlowStore();
        store.hold = new CountDownLatch(1);
        try (ProvisioServer server = probes(CompletableFuture.completedFuture(store.store()))) {
            List<CompletableFuture<RawHttp.Response>> probes = new java.util.ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                probes.add(CompletableFuture.supplyAsync(() -> get(server.port(), "/health/ready")));
            }
            for (CompletableFuture<RawHttp.Response> probe : probes) {
                assertProbe(probe.get(20, TimeUnit.SECONDS), 503, DOWN);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("no probe waits much longer than the timeout").isLessThan(ServerHealth.TIMEOUT.multipliedBy(4));
            assertThat(store.reads).as("one read of the store under way, not one per probe").hasValue(1);

            store.hold.countDown();
            RawHttp.Response ready;
            do {
                ready = get(server.port(), "/health/ready");
            } while (ready.status() != 200);
            assertProbe(ready, 200, UP);
        }
    }

    @Test
    @Timeout(60)
    void aPollingLoadBalancerReadsTheStoreAtMostOnceASecond() {
        SlowStore store = new SlowStore();
        try (ProvisioServer server = probes(CompletableFuture.completedFuture(store.store()))) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertProbe(get(server.port(), "/health/ready"), 200, UP);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(store.reads.get()).as("100 probes in %d s", seconds).isBetween(1, (int) seconds + 1);
        }
    }

    @Test
    @Timeout(120)
    void atShutdownReadyTurnsDownFirstThenTheRequestsInFlightFinish() throws Exception {
        String admin = "health-test-admin-token-0123456789";
        ServerConfig config = new ConfigLoader(Map.of("PROVISIO_PORT", "0", "PROVISIO_DB_URL", "memory",
                "PROVISIO_ADMIN_TOKEN", admin, "PROVISIO_SHUTDOWN_DRAIN", "PT5M"), new Properties()).load();
        Main.Running running = Main.start(config);
        int port = running.server().port();
        String tenant = ScimJson.readObject(RawHttp.send(port, "POST", "/admin/v1/tenants", "{\"name\":\"Acme\"}",
                "Authorization: Bearer " + admin).body()).getText("id").orElseThrow();
        String secret = ScimJson.readObject(RawHttp.send(port, "POST", "/admin/v1/tenants/" + tenant + "/credentials",
                null, "Authorization: Bearer " + admin).body()).getText("secretToken").orElseThrow();
        assertProbe(get(port, "/health/ready"), 200, UP);

        byte[] body = TestUsers.body("inflight@example.com", true).getBytes(StandardCharsets.UTF_8);
        try (Socket inFlight = new Socket("127.0.0.1", port)) {
            inFlight.setSoTimeout(60_000);
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /scim/v2/" + tenant + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + secret
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();

            CompletableFuture<Void> closed = CompletableFuture.runAsync(running::close);
            RawHttp.Response ready;
            do {
                ready = get(port, "/health/ready");
            } while (ready.status() == 200);
            // the request in flight has not finished: half of its body is still to come
            assertProbe(ready, 503, DOWN);
            assertProbe(get(port, "/health/live"), 200, UP);
            assertThat(RawHttp.send(port, "GET", "/scim/v2/" + tenant + "/Users", null, "Authorization: Bearer " + secret)
                    .status()).as("draining, the server still serves").isEqualTo(200);
            assertThat(closed).isNotDone();

            running.health().endDrain();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            RawHttp.Response created = RawHttp.read(inFlight.getInputStream());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            closed.get(60, TimeUnit.SECONDS);
        }
    }
}
