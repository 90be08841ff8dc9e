package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.config.ConfigLoader;

/**
 * {@code PROVISIO_RATE_LIMIT}/{@code PROVISIO_RATE_BURST} and {@code PROVISIO_AUTH_FAILURE_LIMIT}
 * through {@code main}'s wiring: a tenant over its rate gets 429 with {@code Retry-After} and a SCIM
 * Error while another tenant is served in full, and an address that failed to authenticate too often
 * gets 429 for every credential it sends, right or wrong, while other addresses are not affected.
 */
class RateLimitTest {
    private static final String ADMIN = "rate-limit-test-admin-token-0123456789";
    private static final String SEARCH = "/Users?filter=userName%20eq%20%22nobody@example.com%22";

    private record Tenant(String id, String secret) {
    }

    private static Main.Running start(Map<String, String> limits) {
        Map<String, String> env = new HashMap<>(limits);
        env.put("PROVISIO_PORT", "0");
        env.put("PROVISIO_DB_URL", "memory");
        env.put("PROVISIO_ADMIN_TOKEN", ADMIN);
        return Main.start(new ConfigLoader(env, new Properties()).load());
    }

    private static Tenant tenant(int port, String name) {
        RawHttp.Response created = RawHttp.send(port, "POST", "/admin/v1/tenants", "{\"name\":\"" + name + "\"}",
                "Authorization: Bearer " + ADMIN);
        assertThat(created.status()).isEqualTo(201);
        String id = ScimJson.readObject(created.body()).getText("id").orElseThrow();
        RawHttp.Response credential = RawHttp.send(port, "POST", "/admin/v1/tenants/" + id + "/credentials", null,
                "Authorization: Bearer " + ADMIN);
        return new Tenant(id, ScimJson.readObject(credential.body()).getText("secretToken").orElseThrow());
    }

    private static int get(HttpClient http, int port, Tenant tenant) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/scim/v2/" + tenant.id()
                + SEARCH)).header("Authorization", "Bearer " + tenant.secret()).timeout(Duration.ofSeconds(60)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTenantOverItsRateGets429WithRetryAfterAndAScimError() {
        // one request in 1,000 s after a burst of 2: the third request is over the limit however slow the machine
        try (Main.Running server = start(Map.of("PROVISIO_RATE_LIMIT", "0.001", "PROVISIO_RATE_BURST", "2"))) {
            int port = server.server().port();
            Tenant acme = tenant(port, "Acme");
            Tenant other = tenant(port, "Other");
            for (int i = 0; i < 2; i++) {
                assertThat(RawHttp.send(port, "GET", "/scim/v2/" + acme.id() + SEARCH, null,
                        "Authorization: Bearer " + acme.secret()).status()).isEqualTo(200);
            }
            RawHttp.Response refused = RawHttp.send(port, "GET", "/scim/v2/" + acme.id() + SEARCH, null,
                    "Authorization: Bearer " + acme.secret());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 1_000L);
            assertThat(refused.headers().get("content-type")).startsWith("application/scim+json");
            ComplexValue error = ScimJson.readObject(refused.body());
            assertThat(error.getText("status")).hasValue("429");
            assertThat(error.getText("scimType")).isEmpty();
            assertThat(error.getText("detail")).hasValueSatisfying(d -> assertThat(d).contains("rate limit"));
            assertThat(refused.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

            assertThat(RawHttp.send(port, "GET", "/scim/v2/" + other.id() + SEARCH, null,
                    "Authorization: Bearer " + other.secret()).status()).as("another tenant").isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/scim/v2/" + acme.id() + SEARCH, null,
                    "Authorization: Bearer wrong").status()).as("a wrong token is not the tenant's").isEqualTo(401);
            assertThat(RawHttp.send(port, "GET", "/admin/v1/tenants", null, "Authorization: Bearer " + ADMIN).status())
                    .as("the operator is not a tenant").isEqualTo(200);
        }
    }

    @Test
    void oneTenantsFloodNeverRefusesAnotherTenantsRequests() throws Exception {
        int burst = 20;
        try (Main.Running server = start(Map.of("PROVISIO_RATE_LIMIT", "1", "PROVISIO_RATE_BURST",
                Integer.toString(burst)))) {
            int port = server.server().port();
            Tenant flooding = tenant(port, "Flooding");
            Tenant quiet = tenant(port, "Quiet");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
            AtomicBoolean flood = new AtomicBoolean(true);
            CountDownLatch firstRefusal = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(24);
            List<Future<?>> flooders = new ArrayList<>();
            try {
                for (int t = 0; t < 24; t++) {
                    flooders.add(threads.submit(() -> {
                        while (flood.get()) {
                            int status = get(http, port, flooding);
                            floodStatuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            if (status == 429) {
                                firstRefusal.countDown();
                            }
                        }
                        return null;
                    }));
                }
                assertThat(firstRefusal.await(120, TimeUnit.SECONDS)).as("the flooding tenant reached its limit").isTrue();
                // the quiet tenant stays within its own burst while the flood goes on
                List<Integer> quietStatuses = new ArrayList<>();
                for (int i = 0; i < burst / 2; i++) {
                    quietStatuses.add(get(http, port, quiet));
                }
                flood.set(false);
                for (Future<?> f : flooders) {
                    f.get(120, TimeUnit.SECONDS);
                }
                assertThat(quietStatuses).hasSize(burst / 2).containsOnly(200);
                assertThat(floodStatuses.keySet()).containsOnly(200, 429);
                assertThat(floodStatuses.get(429).get()).isPositive();
                assertThat(floodStatuses.get(200).get()).isGreaterThanOrEqualTo(burst);
            } finally {
                flood.set(false);
                threads.shutdownNow();
            }
        }
    }

    @Test
    void anAddressWithTooManyFailedAuthenticationsGets429ForAnyCredentialUntilItsBucketRefills() {
        // 3 a minute: one more attempt every 20 s, far more than the test takes between two requests
        try (Main.Running server = start(Map.of("PROVISIO_AUTH_FAILURE_LIMIT", "3"))) {
            int port = server.server().port();
            Tenant acme = tenant(port, "Acme");
            String good = "Authorization: Bearer " + acme.secret();
            String bad = "Authorization: Bearer guess";
            String users = "/scim/v2/" + acme.id() + SEARCH;
            String guesser = "127.0.0.1";
            assumeThat(canConnectFrom("127.0.0.2", port)).as("the loopback network answers from 127.0.0.2 (Linux)")
                    .isTrue();

            assertThat(from(guesser, port, users, bad).status()).isEqualTo(401);
            assertThat(from(guesser, port, users, good).status()).as("a success in between").isEqualTo(200);
            assertThat(from(guesser, port, users, bad).status()).isEqualTo(401);
            assertThat(from(guesser, port, "/admin/v1/tenants", bad).status()).as("the admin API counts too")
                    .isEqualTo(401);
            RawHttp.Response refused = from(guesser, port, users, bad);
            assertThat(refused.status()).as("the fourth failure: the success did not reset the count").isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 20L);
            assertThat(ScimJson.readObject(refused.body()).getText("status")).hasValue("429");
            assertThat(ScimJson.readObject(refused.body()).getText("scimType")).isEmpty();
            assertThat(from(guesser, port, users, good).status()).as("a right token is not even looked at")
                    .isEqualTo(429);
            assertThat(from(guesser, port, "/admin/v1/tenants", "Authorization: Bearer " + ADMIN).status())
                    .isEqualTo(429);
            assertThat(from(guesser, port, users, null).status()).as("no credential, nothing to guess")
                    .isEqualTo(401);

            String neighbour = "127.0.0.2";
            assertThat(from(neighbour, port, users, good).status()).as("another address").isEqualTo(200);
            assertThat(from(neighbour, port, users, bad).status()).isEqualTo(401);
            assertThat(from(neighbour, port, users, good).status()).isEqualTo(200);
        }
    }

    private static boolean canConnectFrom(String local, int port) {
        try {
            from(local, port, "/scim/v2/x/Users", null);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** One request from the local address {@code local}, with an optional header line. */
    private static RawHttp.Response from(String local, int port, String target, String header) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (header == null ? "" : header + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawHttp.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
