package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.scim.json.ScimJson;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.metrics.ServerMetrics;
import org.provisio.testkit.MutableClock;

/**
 * {@code GET /metrics} of the server as {@code main} assembles it: there only with
 * {@code PROVISIO_METRICS_TOKEN}, for that token only; in Prometheus' text format, with the series
 * the README lists moving as SCIM traffic, jobs, the outbox and the credential cache do, labelled
 * only by routing and authentication — never by a raw path, an id or a token.
 */
class MetricsTest {
    private static final String ADMIN = "metrics-test-admin-token-0123456789";
    private static final String TOKEN = "metrics-test-scrape-token-0123456789";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Main.Running server;

    private static Main.Running start(Map<String, String> variables) {
        return Main.start(new ConfigLoader(variables, new Properties()).load());
    }
    private static String tenant;
    private static String secret;

    @BeforeAll
    static void start() {
        server = start(Map.of("PROVISIO_PORT", "0", "PROVISIO_DB_URL", "memory",
                "PROVISIO_ADMIN_TOKEN", ADMIN, "PROVISIO_METRICS_TOKEN", TOKEN));
        String[] t = tenantWithCredential(server.server().port());
        tenant = t[0];
        secret = t[1];
        // the first tenant to make a SCIM request is tracked, whatever else the tests do
        assertThat(scim("GET", "/Users", null).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] tenantWithCredential(int port) {
        String id = ScimJson.readObject(RawHttp.send(port, "POST", "/admin/v1/tenants", "{\"name\":\"Acme\"}",
                "Authorization: Bearer " + ADMIN).body()).getText("id").orElseThrow();
        String token = ScimJson.readObject(RawHttp.send(port, "POST", "/admin/v1/tenants/" + id + "/credentials", null,
                "Authorization: Bearer " + ADMIN).body()).getText("secretToken").orElseThrow();
        return new String[] {id, token};
    }

    private static RawHttp.Response scim(String method, String path, String body) {
        return RawHttp.send(server.server().port(), method, "/scim/v2/" + tenant + path, body, "Authorization: Bearer " + secret);
    }

    private static String scrape(int port, String token) {
        RawHttp.Response r = RawHttp.send(port, "GET", "/metrics", null, "Authorization: Bearer " + token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** A sample of a scrape: its metric name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static List<Sample> samples(String scrape) {
        List<Sample> out = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return out;
    }

    /** The value of the one sample named so with (at least) these labels; 0 when there is none yet. */
    static double value(String scrape, String name, String... labels) {
        List<Sample> matching = samples(scrape).stream().filter(s -> s.name().equals(name))
                .filter(s -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
        assertThat(matching).as("%s %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    /** The sum of the samples named so with (at least) these labels. */
    static double total(String scrape, String name, String... labels) {
        return samples(scrape).stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(Sample::value).sum();
    }

    static boolean has(String scrape, String name) {
        return samples(scrape).stream().anyMatch(s -> s.name().equals(name));
    }

    private static double requests(String scrape, String resource, String method, String status) {
        return value(scrape, "provisio_http_requests_seconds_count", "resource", resource, "method", method,
                "status", status);
    }

    @Test
    void onlyTheMetricsTokenOpensTheEndpoint() {
        int port = server.server().port();
        for (String[] auth : new String[][] {{}, {"Authorization: Bearer wrong-token-0123456789"},
                {"Authorization: Bearer " + ADMIN}, {"Authorization: Bearer " + secret},
                {"Authorization: Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT)},
                {"Authorization: Bearer " + TOKEN + "x"}, {"Authorization: Basic " + TOKEN}, {"Authorization: " + TOKEN}}) {
            RawHttp.Response r = RawHttp.send(port, "GET", "/metrics", null, auth);
            assertThat(r.status()).as("%s -> %s", List.of(auth), r).isEqualTo(401);
            assertThat(r.headers().get("www-authenticate")).startsWith("Bearer");
            assertThat(r.body()).doesNotContain("provisio_", "jvm_");
        }
        RawHttp.Response ok = RawHttp.send(port, "GET", "/metrics", null, "Authorization: Bearer " + TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().get("content-type")).startsWith("text/plain").contains("version=0.0.4");
        assertThat(ok.headers().get("cache-control")).isEqualTo("no-store");
        assertThat(ok.body()).contains("# TYPE provisio_http_requests_seconds histogram");
    }

    @Test
    void requestsAreCountedByWhatRoutingMatchedTheMethodAndTheStatusClass() {
        int port = server.server().port();
        String before = scrape(port, TOKEN);

        String user = ScimJson.readObject(scim("POST", "/Users", TestUsers.body("counted@example.com", true)).body())
                .getText("id").orElseThrow();
        assertThat(scim("GET", "/Users/" + user, null).status()).isEqualTo(200);
        assertThat(scim("GET", "/Users/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(scim("GET", "/Groups", null).status()).isEqualTo(200);
        assertThat(scim("PATCH", "/Users/" + user, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}").status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/scim/v2/" + tenant + "/Users", null, "Authorization: Bearer wrong")
                .status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "GET", "/admin/v1/tenants", null, "Authorization: Bearer " + ADMIN).status())
                .isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/health/ready", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/no/such/endpoint", null).status()).isEqualTo(404);
        String after = scrape(port, TOKEN);

        assertThat(requests(after, "Users", "POST", "2xx") - requests(before, "Users", "POST", "2xx")).isEqualTo(1);
        assertThat(requests(after, "Users", "GET", "2xx") - requests(before, "Users", "GET", "2xx")).isEqualTo(1);
        assertThat(requests(after, "Users", "GET", "4xx") - requests(before, "Users", "GET", "4xx"))
                .as("the unknown user and the wrong token").isEqualTo(2);
        assertThat(requests(after, "Users", "PATCH", "2xx") - requests(before, "Users", "PATCH", "2xx")).isEqualTo(1);
        assertThat(requests(after, "Groups", "GET", "2xx") - requests(before, "Groups", "GET", "2xx")).isEqualTo(1);
        assertThat(requests(after, "admin", "GET", "2xx") - requests(before, "admin", "GET", "2xx")).isEqualTo(1);
        assertThat(requests(after, "health", "GET", "2xx") - requests(before, "health", "GET", "2xx")).isEqualTo(1);
        assertThat(requests(after, "unmatched", "GET", "4xx") - requests(before, "unmatched", "GET", "4xx"))
                .isEqualTo(1);
        assertThat(requests(after, "metrics", "GET", "2xx") - requests(before, "metrics", "GET", "2xx"))
                .as("the first scrape").isEqualTo(1);
        assertThat(value(after, "provisio_http_requests_seconds_bucket", "resource", "Users", "method", "POST",
                "status", "2xx", "le", "+Inf")).isEqualTo(requests(after, "Users", "POST", "2xx"));
        assertThat(value(after, "provisio_http_requests_seconds_bucket", "resource", "Users", "method", "POST",
                "status", "2xx", "le", "0.1")).isPositive();
        assertThat(value(after, "provisio_http_requests_seconds_sum", "resource", "Users", "method", "POST",
                "status", "2xx")).isPositive();
        // the tenant's authenticated SCIM requests, not the one with a wrong token
        assertThat(value(after, "provisio_tenant_requests_total", "tenant", tenant)
                - value(before, "provisio_tenant_requests_total", "tenant", tenant)).isEqualTo(5);
    }

    @Test
    void noLabelHoldsARawPathAnIdOrAToken() {
        int port = server.server().port();
        String user = ScimJson.readObject(scim("POST", "/Users", TestUsers.body("labels@example.com", true)).body())
                .getText("id").orElseThrow();
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        scim("GET", "/Users/" + user, null);
        scim("GET", "/Users/" + marker, null);
        scim("GET", "/Users?filter=userName%20eq%20%22" + marker + "%22", null);
        RawHttp.send(port, "GET", "/scim/v2/" + marker + "/Users", null, "Authorization: Bearer " + secret);
        RawHttp.send(port, "GET", "/" + marker, null);
        RawHttp.send(port, "GET", "/metrics/" + marker, null, "Authorization: Bearer " + TOKEN);
        RawHttp.send(port, marker.substring(0, 8).toUpperCase(java.util.Locale.ROOT), "/scim/v2/" + tenant + "/Users",
                null, "Authorization: Bearer " + secret);
        String scrape = scrape(port, TOKEN);
        List<Object> tenants = new ArrayList<>(ScimJson.readObject(RawHttp.send(port, "GET", "/admin/v1/tenants", null,
                "Authorization: Bearer " + ADMIN).body()).getMulti("tenants").values().stream()
                .map(t -> ((org.provisio.scim.resource.ComplexValue) t).getText("id").orElseThrow()).toList());
        tenants.add("other");

        assertThat(scrape).doesNotContain(user, marker, marker.substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                secret, ADMIN, TOKEN, "labels@example.com", "/scim", "/admin", "/Users");
        Set<String> resources = new HashSet<>();
        Set<String> methods = new HashSet<>();
        for (Sample s : samples(scrape)) {
            if (s.name().startsWith("provisio_http_requests")) {
                resources.add(s.labels().get("resource"));
                methods.add(s.labels().get("method"));
                assertThat(s.labels().get("status")).matches("[1-5]xx|other");
            }
            if (s.name().startsWith("provisio_tenant_requests")) {
                assertThat(s.labels().get("tenant")).as("an authenticated tenant").isIn(tenants);
            }
        }
        assertThat(resources).isSubsetOf("Users", "Groups", "Bulk", ".search", "ServiceProviderConfig",
                "ResourceTypes", "Schemas", "Me", "admin", "invitations", "console", "health", "metrics", "unmatched");
        assertThat(methods).isSubsetOf("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "OTHER")
                .contains("OTHER");
    }

    @Test
    @Timeout(60)
    void jobsTheCredentialCacheTheOutboxTheJvmAndTheProcessAreReported() throws InterruptedException {
        int port = server.server().port();
        assertThat(scim("POST", "/Users", TestUsers.body("invited@example.com", true)).status()).isEqualTo(201);
        String scrape = scrape(port, TOKEN);
        // the jobs run in the background: the purge at start-up, the dispatcher every two seconds
        while (value(scrape, "provisio_outbox_deliveries_total", "kind", "invitation_email", "outcome", "delivered") < 1
                || value(scrape, "provisio_purge_runs_total") < 1) {
            Thread.sleep(200);
            scrape = scrape(port, TOKEN);
        }
        assertThat(has(scrape, "provisio_users_purged_total")).isTrue();
        for (OutboxMessage.Kind kind : OutboxMessage.Kind.values()) {
            for (String outcome : List.of("delivered", "retrying", "parked")) {
                assertThat(samples(scrape)).as("%s %s", kind, outcome).anyMatch(s -> s.name()
                        .equals("provisio_outbox_deliveries_total") && outcome.equals(s.labels().get("outcome"))
                        && kind.name().toLowerCase(java.util.Locale.ROOT).equals(s.labels().get("kind")));
            }
        }
        for (String state : List.of("pending", "retrying", "parked")) {
            assertThat(value(scrape, "provisio_outbox_messages", "state", state)).as(state).isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(value(scrape, "provisio_outbox_oldest_pending_age_seconds")).isNotNaN();
        assertThat(value(scrape, "provisio_credential_cache_lookups_total", "result", "hit")).isPositive();
        assertThat(value(scrape, "provisio_credential_cache_lookups_total", "result", "miss")).isPositive();
        for (String name : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
                "jvm_threads_live_threads", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds",
                "process_start_time_seconds", "process_files_open_files")) {
            assertThat(has(scrape, name)).as(name).isTrue();
        }
    }

    /**
     * On the embedded H2 a repeated read of a user is answered from memory: a miss, then a hit. On
     * the memory store nothing is kept, and both counts stay 0.
     */
    @Test
    void keptReadsAreCountedAsHitsAndMisses(@TempDir Path dir) {
        String memoryScrape = scrape(server.server().port(), TOKEN);
        assertThat(value(memoryScrape, "provisio_read_kept_lookups_total", "result", "hit")).isZero();
        assertThat(value(memoryScrape, "provisio_read_kept_lookups_total", "result", "miss")).isZero();

        Main.Running h2 = start(Map.of("PROVISIO_PORT", "0", "PROVISIO_DB_URL", "jdbc:h2:file:" + dir.resolve("db"),
                "PROVISIO_ADMIN_TOKEN", ADMIN, "PROVISIO_METRICS_TOKEN", TOKEN));
        try {
            int port = h2.server().port();
            String[] t = tenantWithCredential(port);
            String auth = "Authorization: Bearer " + t[1];
            RawHttp.Response created = RawHttp.send(port, "POST", "/scim/v2/" + t[0] + "/Users",
                    TestUsers.body("kept@example.com", true), auth);
            assertThat(created.status()).isEqualTo(201);
            String path = "/scim/v2/" + t[0] + "/Users/" + ScimJson.readObject(created.body()).getText("id").orElseThrow();
            String before = scrape(port, TOKEN);
            double hits = value(before, "provisio_read_kept_lookups_total", "result", "hit");
            double misses = value(before, "provisio_read_kept_lookups_total", "result", "miss");

            // the server's jobs write now and then (the outbox's claims, the credential's last use), and any
            // committed write retires every kept answer: read twice until the second read is a hit
            String after = before;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (value(after, "provisio_read_kept_lookups_total", "result", "hit") == hits
                    && System.nanoTime() < deadline) {
                assertThat(RawHttp.send(port, "GET", path, null, auth).status()).isEqualTo(200);
                assertThat(RawHttp.send(port, "GET", path, null, auth).status()).isEqualTo(200);
                after = scrape(port, TOKEN);
            }
            assertThat(value(after, "provisio_read_kept_lookups_total", "result", "hit")).isGreaterThan(hits);
            assertThat(value(after, "provisio_read_kept_lookups_total", "result", "miss")).isGreaterThan(misses);
            assertThat(value(after, "provisio_read_kept_size")).isPositive();
            assertThat(value(after, "provisio_read_kept_capacity")).isGreaterThanOrEqualTo(1024);
        } finally {
            h2.close();
        }
    }

    @Test
    void tenantsBeyondTheCapAreCountedTogether() {
        int port = server.server().port();
        List<String[]> more = new ArrayList<>();
        for (int i = 0; i < ServerMetrics.TENANT_CAP + 1; i++) {
            more.add(tenantWithCredential(port));
        }
        for (String[] t : more) {
            assertThat(RawHttp.send(port, "GET", "/scim/v2/" + t[0] + "/Users", null, "Authorization: Bearer " + t[1])
                    .status()).isEqualTo(200);
        }
        String scrape = scrape(port, TOKEN);

        Set<String> tracked = new HashSet<>();
        for (Sample s : samples(scrape)) {
            if (s.name().equals("provisio_tenant_requests_total")) {
                tracked.add(s.labels().get("tenant"));
            }
        }
        tracked.remove("other");
        assertThat(tracked).hasSize(ServerMetrics.TENANT_CAP).contains(tenant);
        assertThat(value(scrape, "provisio_tenant_requests_total", "tenant", "other"))
                .as("the two tenants beyond the cap, one request each").isEqualTo(2);
    }

    @Test
    void retriesParkingAndPurgesOfTheDomainAreCounted() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-05T09:00:00Z"));
        try (ServerFixture fixture = ServerFixture.inMemory(b -> b.clock(clock).outboxMaxAttempts(2))) {
            int port = fixture.server.port();
            TestUsers.create(fixture, "retried@example.com", true);
            // the user's first message fails; the others of that user wait behind it, untried
            assertThat(fixture.provisioning.dispatchOutbox(m -> {
                throw new IllegalStateException("mail server down");
            }).dispatchDue()).isZero();

            clock.advance(Duration.ofHours(2));
            fixture.provisioning.dispatchOutbox(m -> {
                throw new IllegalStateException("mail server down");
            }).dispatchDue();
            TestUsers.create(fixture, "suspended@example.com", false);
            clock.advance(Duration.ofDays(31));
            assertThat(fixture.provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
            // one scrape: the outbox's depth is read at most every few seconds
            String scrape = scrape(port, ServerFixture.METRICS_TOKEN);

            assertThat(total(scrape, "provisio_outbox_deliveries_total", "outcome", "retrying")).isEqualTo(1);
            assertThat(total(scrape, "provisio_outbox_deliveries_total", "outcome", "parked")).isEqualTo(1);
            assertThat(total(scrape, "provisio_outbox_deliveries_total", "outcome", "delivered")).isZero();
            assertThat(value(scrape, "provisio_outbox_messages", "state", "parked")).isEqualTo(1);
            assertThat(value(scrape, "provisio_purge_runs_total")).isEqualTo(1);
            assertThat(value(scrape, "provisio_users_purged_total")).isEqualTo(1);

            fixture.provisioning.dispatchOutbox(m -> { }).dispatchDue();
            assertThat(total(scrape(port, ServerFixture.METRICS_TOKEN), "provisio_outbox_deliveries_total",
                    "outcome", "delivered")).isPositive();
        }
    }

    @Test
    void withoutATokenTheEndpointAnswersLikeAnUnknownRoute() {
        try (Main.Running plain = start(Map.of("PROVISIO_PORT", "0", "PROVISIO_DB_URL", "memory",
                "PROVISIO_ADMIN_TOKEN", ADMIN))) {
            RawHttp.Response unknown = RawHttp.send(plain.server().port(), "GET", "/metricz", null);
            for (String[] auth : new String[][] {{}, {"Authorization: Bearer " + TOKEN}, {"Authorization: Bearer " + ADMIN}}) {
                RawHttp.Response r = RawHttp.send(plain.server().port(), "GET", "/metrics", null, auth);
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.body()).isEqualTo(unknown.body());
                assertThat(r.headers().get("content-type")).isEqualTo(unknown.headers().get("content-type"));
            }
        }
    }

    @Test
    void theJdbcPoolReportsItsOwnMetrics() {
        try (Main.Running h2 = start(Map.of("PROVISIO_PORT", "0",
                "PROVISIO_DB_URL", "jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "PROVISIO_ADMIN_TOKEN", ADMIN, "PROVISIO_METRICS_TOKEN", TOKEN))) {
            assertThat(RawHttp.send(h2.server().port(), "GET", "/health/ready", null).status()).isEqualTo(200);
            String scrape = scrape(h2.server().port(), TOKEN);
            assertThat(value(scrape, "hikaricp_connections_max", "pool", "provisio")).isPositive();
            for (String name : List.of("hikaricp_connections", "hikaricp_connections_active", "hikaricp_connections_idle",
                    "hikaricp_connections_pending", "hikaricp_connections_timeout_total",
                    "hikaricp_connections_acquire_seconds_count", "hikaricp_connections_usage_seconds_count")) {
                assertThat(has(scrape, name)).as(name).isTrue();
            }
        }
    }
}
