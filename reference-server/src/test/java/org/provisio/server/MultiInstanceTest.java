package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;

/**
 * The way Provisio scales past one machine: three instances of the reference server on one
 * PostgreSQL behind a round-robin loopback proxy, driven with a mixed Entra ID workload (creates,
 * PATCHes, suspensions, deletes, group membership changes, concurrent creates of one userName)
 * while one instance is restarted. Afterwards every acknowledged write is there, each userName race
 * had exactly one winner, each retention purge and each invitation email happened exactly once
 * (the database's row locks decide which instance does it), and a revocation made through one
 * instance is effective on every instance within the documented delay.
 */
class MultiInstanceTest {
    private static final String ADMIN = "multi-instance-admin-token-0123456789";
    private static final String WEBHOOK_SECRET = "multi-instance-webhook-secret";
    private static final Duration RETENTION = Duration.ofSeconds(3);
    /** {@code InMemoryCredentialCache.DEFAULT_REVALIDATE_AFTER}: the documented delay of a revocation elsewhere. */
    private static final Duration REVOCATION_DELAY = Duration.ofSeconds(5);
    private static final int WORKERS = 6;
    private static final int USERS_PER_WORKER = 12;
    private static final int RACES = 12;

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static HttpServer webhook;
    private static final Map<String, Set<String>> eventIdsByTypeAndUser = new ConcurrentHashMap<>();
    private static final List<Main.Running> instances = new CopyOnWriteArrayList<>();
    private static Proxy proxy;
    private static String dbUrl;

    @BeforeAll
    static void startEverything() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE provisio");
        }
        dbUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/provisio";
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("Provisio-Event-Id");
            Matcher type = Pattern.compile("\"type\":\"([^\"]+)\"").matcher(body);
            Matcher user = Pattern.compile("\"userId\":\"([^\"]+)\"").matcher(body);
            if (type.find() && user.find()) {
                eventIdsByTypeAndUser.computeIfAbsent(type.group(1) + " " + user.group(1),
                        k -> ConcurrentHashMap.newKeySet()).add(id);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        proxy = new Proxy();
        for (int i = 0; i < 3; i++) {
            instances.add(startInstance());
        }
        proxy.backends(ports());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Main.Running running : instances) {
            running.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Main.Running startInstance() {
        Map<String, String> env = new HashMap<>();
        env.put("PROVISIO_PORT", "0");
        env.put("PROVISIO_PUBLIC_URL", "http://127.0.0.1:" + proxy.port());
        env.put("PROVISIO_DB_URL", dbUrl);
        env.put("PROVISIO_DB_USER", "postgres");
        env.put("PROVISIO_ADMIN_TOKEN", ADMIN);
        env.put("PROVISIO_RETENTION", RETENTION.toString());
        env.put("PROVISIO_PURGE_INTERVAL", "PT1S");
        env.put("PROVISIO_SMTP_HOST", "127.0.0.1");
        env.put("PROVISIO_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("PROVISIO_SMTP_TLS", "none");
        env.put("PROVISIO_SMTP_FROM", "provisio@example.com");
        env.put("PROVISIO_WEBHOOK_URL", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/events");
        env.put("PROVISIO_WEBHOOK_SECRET", WEBHOOK_SECRET);
        ServerConfig config = new ConfigLoader(env, new Properties()).load();
        return Main.start(config);
    }

    private static List<Integer> ports() {
        return instances.stream().map(r -> r.server().port()).toList();
    }

    /** A client of its own: its own connections, so that the proxy spreads the workers over the instances. */
    private static final class Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final String token;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        /** The answer, or null when the connection broke (an instance going away): not acknowledged. */
        HttpResponse<String> send(String method, String path, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                b.header("Content-Type", "application/scim+json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean ok(HttpResponse<String> r) {
        return r != null && r.statusCode() / 100 == 2;
    }

    private static String user(String userName, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":" + active + ",\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}]}";
    }

    private static String patch(String op, String path, String value) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
                + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
    }

    /** What one worker was told succeeded. */
    private static final class Acknowledged {
        final Map<String, String> titles = new HashMap<>();
        final Set<String> live = new HashSet<>();
        final Set<String> deleted = new HashSet<>();
        final Set<String> suspended = new HashSet<>();
        final Map<String, String> userNames = new HashMap<>();
        final Set<String> members = new HashSet<>();
        String group;
    }

    @Test
    void severalInstancesOnOnePostgresqlBehaveAsOne() throws Exception {
        Client admin = new Client("http://127.0.0.1:" + proxy.port(), ADMIN);
        String tenant = ScimJson.readObject(admin.send("POST", "/admin/v1/tenants", "{\"name\":\"Acme\"}").body())
                .getText("id").orElseThrow();
        ComplexValue credential = ScimJson.readObject(admin.send("POST", "/admin/v1/tenants/" + tenant + "/credentials",
                null).body());
        String secret = credential.getText("secretToken").orElseThrow();
        String scim = "http://127.0.0.1:" + proxy.port() + "/scim/v2/" + tenant;

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 8);
        List<Future<Acknowledged>> work = new ArrayList<>();
        CountDownLatch halfway = new CountDownLatch(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            work.add(pool.submit(() -> workload(new Client(scim, secret), worker, halfway)));
        }
        // one instance restarts while the workers run: its requests in flight fail, and nothing acknowledged is lost
        assertThat(halfway.await(120, TimeUnit.SECONDS)).isTrue();
        Main.Running leaving = instances.remove(1);
        proxy.backends(ports());
        leaving.close();
        instances.add(startInstance());
        proxy.backends(ports());

        Map<String, Integer> winners = races(pool, scim, secret);
        List<Acknowledged> acks = new ArrayList<>();
        for (Future<Acknowledged> f : work) {
            acks.add(f.get(300, TimeUnit.SECONDS));
        }

        Client check = new Client(scim, secret);
        for (Acknowledged ack : acks) {
            for (String id : ack.live) {
                HttpResponse<String> r = check.send("GET", "/Users/" + id, null);
                assertThat(r.statusCode()).as("acknowledged user %s", id).isEqualTo(200);
                assertThat(ScimJson.readObject(r.body()).getText("title")).isEqualTo(
                        java.util.Optional.ofNullable(ack.titles.get(id)));
            }
            for (String id : ack.deleted) {
                assertThat(check.send("GET", "/Users/" + id, null).statusCode()).as("deleted %s", id).isEqualTo(404);
            }
        }
        winners.forEach((userName, created) -> assertThat(created).as("winners of %s", userName).isEqualTo(1));
        for (String userName : winners.keySet()) {
            HttpResponse<String> found = check.send("GET", "/Users?filter=" + java.net.URLEncoder.encode(
                    "userName eq \"" + userName + "\"", StandardCharsets.UTF_8), null);
            assertThat(number(ScimJson.readObject(found.body()), "totalResults")).isEqualTo(1L);
        }

        // the retention purge: every suspended user purged, each exactly once, by whichever instance claimed it
        Set<String> suspended = new HashSet<>();
        acks.forEach(a -> suspended.addAll(a.suspended));
        assertThat(suspended).isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && suspended.stream().anyMatch(id -> check.send("GET", "/Users/" + id, null)
                .statusCode() != 404)) {
            Thread.sleep(500);
        }
        for (String id : suspended) {
            assertThat(check.send("GET", "/Users/" + id, null).statusCode()).as("purged %s", id).isEqualTo(404);
        }
        // memberships: what was acknowledged, less the deleted and the purged (suspended ones stay members until then)
        for (Acknowledged ack : acks) {
            ComplexValue group = ScimJson.readObject(check.send("GET", "/Groups/" + ack.group, null).body());
            Set<String> members = new HashSet<>();
            for (Value m : group.getMulti("members").values()) {
                members.add(((ComplexValue) m).getText("value").orElseThrow());
            }
            assertThat(members).as("group of a worker").isEqualTo(ack.members);
        }
        awaitOutboxDrained(admin, tenant);
        long purgedEntries = auditCount(admin, tenant, "user_purged");
        assertThat(purgedEntries).as("one purge entry per suspended user").isEqualTo(suspended.size());
        for (String id : suspended) {
            assertThat(eventIdsByTypeAndUser.get("purged " + id)).as("purge events of %s", id).hasSize(1);
        }
        // invitations: every user provisioned active and still there was mailed exactly once (a suspension or a
        // delete before the dispatcher came withdrew the others' emails)
        Map<String, Integer> mails = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (jakarta.mail.Address to : m.getRecipients(Message.RecipientType.TO)) {
                mails.merge(to.toString(), 1, Integer::sum);
            }
        }
        int checked = 0;
        for (Acknowledged ack : acks) {
            for (Map.Entry<String, String> u : ack.userNames.entrySet()) {
                int mailed = mails.getOrDefault(u.getValue(), 0);
                if (ack.live.contains(u.getKey())) {
                    assertThat(mailed).as("invitations mailed to %s", u.getValue()).isEqualTo(1);
                    checked++;
                } else {
                    assertThat(mailed).as("invitations mailed to %s", u.getValue()).isLessThanOrEqualTo(1);
                }
            }
        }
        assertThat(checked).isPositive();

        cursorsOfOneInstanceWorkOnEveryOther(tenant, secret);
        revocationReachesEveryInstance(admin, tenant, credential.getText("tokenId").orElseThrow(), secret);
        pool.shutdownNow();
    }

    /**
     * An RFC 9865 cursor issued by one instance opens on every other (the instances derive the cursor key
     * from their shared admin token), so that a load balancer may send each page anywhere; the pages walk
     * every user exactly once.
     */
    private static void cursorsOfOneInstanceWorkOnEveryOther(String tenant, String secret) {
        List<Integer> ports = ports();
        long total = number(ScimJson.readObject(new Client("http://127.0.0.1:" + ports.get(0) + "/scim/v2/" + tenant,
                secret).send("GET", "/Users?count=0", null).body()), "totalResults");
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int page = 0;
        while (cursor != null) {
            Client at = new Client("http://127.0.0.1:" + ports.get(page++ % ports.size()) + "/scim/v2/" + tenant, secret);
            HttpResponse<String> r = at.send("GET", "/Users?count=7&attributes=id&cursor=" + cursor, null);
            assertThat(r.statusCode()).as("page %d: %s", page, r.body()).isEqualTo(200);
            ComplexValue list = ScimJson.readObject(r.body());
            for (Value v : list.getMulti("Resources").values()) {
                seen.add(((ComplexValue) v).getText("id").orElseThrow());
            }
            cursor = list.getText("nextCursor").orElse(null);
        }
        assertThat(page).isGreaterThan(ports.size());
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) total);
    }

    /** One worker: its own users and group, every change through the proxy. */
    private static Acknowledged workload(Client c, int worker, CountDownLatch halfway) {
        Acknowledged ack = new Acknowledged();
        HttpResponse<String> group = null;
        while (!ok(group)) {
            group = c.send("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"Team " + worker + "\"}");
            if (group != null && group.statusCode() == 409) {
                group = c.send("GET", "/Groups?filter=" + java.net.URLEncoder.encode("displayName eq \"Team " + worker
                        + "\"", StandardCharsets.UTF_8), null);
                ack.group = ScimJson.readObject(group.body()).getMulti("Resources").values().isEmpty() ? null
                        : ((ComplexValue) ScimJson.readObject(group.body()).getMulti("Resources").get(0)).getText("id")
                        .orElseThrow();
                if (ack.group != null) {
                    break;
                }
            } else if (ok(group)) {
                ack.group = ScimJson.readObject(group.body()).getText("id").orElseThrow();
            }
        }
        for (int i = 0; i < USERS_PER_WORKER; i++) {
            if (i == USERS_PER_WORKER / 2) {
                halfway.countDown();
            }
            String userName = "w" + worker + "-u" + i + "@multi.example";
            HttpResponse<String> created = c.send("POST", "/Users", user(userName, true));
            if (!ok(created)) {
                continue;
            }
            String id = ScimJson.readObject(created.body()).getText("id").orElseThrow();
            ack.live.add(id);
            ack.userNames.put(id, userName);
            for (int t = 0; t < 3; t++) {
                if (ok(c.send("PATCH", "/Users/" + id, patch("replace", "title", "\"title-" + t + "\"")))) {
                    ack.titles.put(id, "title-" + t);
                }
            }
            HttpResponse<String> add = c.send("PATCH", "/Groups/" + ack.group,
                    patch("add", "members", "[{\"value\":\"" + id + "\"}]"));
            if (ok(add)) {
                ack.members.add(id);
            }
            switch (i % 4) {
                case 1 -> {
                    if (ok(c.send("PATCH", "/Groups/" + ack.group, patch("remove", "members[value eq \\\"" + id + "\\\"]",
                            "null").replace(",\"value\":null", "")))) {
                        ack.members.remove(id);
                    }
                }
                case 2 -> {
                    if (ok(c.send("PATCH", "/Users/" + id, patch("replace", "active", "false")))) {
                        ack.live.remove(id);
                        ack.titles.remove(id);
                        ack.suspended.add(id);
                        ack.members.remove(id);
                    }
                }
                case 3 -> {
                    if (ok(c.send("DELETE", "/Users/" + id, null))) {
                        ack.live.remove(id);
                        ack.titles.remove(id);
                        ack.deleted.add(id);
                        ack.members.remove(id);
                    }
                }
                default -> { }
            }
        }
        return ack;
    }

    /**
     * Rounds of concurrent creates of one userName, each from its own client (so over several
     * instances): how many creates each name got acknowledged.
     */
    private static Map<String, Integer> races(ExecutorService pool, String scim, String secret) throws Exception {
        Map<String, Integer> winners = new HashMap<>();
        for (int round = 0; round < RACES; round++) {
            String userName = "race-" + round + "@multi.example";
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> tries = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Client c = new Client(scim, secret);
                tries.add(pool.submit(() -> {
                    go.await();
                    return c.send("POST", "/Users", user(userName, true));
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<HttpResponse<String>> f : tries) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r).as("a race request").isNotNull();
                assertThat(r.statusCode()).as("%s: %s", userName, r.body()).isIn(201, 409);
                if (r.statusCode() == 201) {
                    created++;
                }
            }
            winners.put(userName, created);
        }
        return winners;
    }

    private static void awaitOutboxDrained(Client admin, String tenant) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ComplexValue depth = ScimJson.readObject(admin.send("GET", "/admin/v1/tenants/" + tenant + "/outbox", null)
                    .body());
            if (number(depth, "pending") == 0 && number(depth, "retrying") == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the outbox did not drain");
    }

    private static long number(ComplexValue v, String name) {
        return ((org.provisio.scim.resource.IntegerValue) v.get(name).orElseThrow()).value();
    }

    private static long auditCount(Client admin, String tenant, String action) {
        long count = 0;
        for (int start = 1; ; start += 1000) {
            ComplexValue page = ScimJson.readObject(admin.send("GET", "/admin/v1/tenants/" + tenant
                    + "/audit?startIndex=" + start + "&count=1000", null).body());
            List<Value> entries = page.getMulti("entries").values();
            for (Value e : entries) {
                if (((ComplexValue) e).getText("action").orElseThrow().equals(action)) {
                    count++;
                }
            }
            if (entries.size() < 1000) {
                return count;
            }
        }
    }

    /**
     * Revoked through one instance: refused there at once, and on every other instance within the
     * documented delay (each caches a verified credential for at most {@link #REVOCATION_DELAY}).
     */
    private static void revocationReachesEveryInstance(Client admin, String tenant, String tokenId, String secret)
            throws InterruptedException {
        for (int port : ports()) {
            Client direct = new Client("http://127.0.0.1:" + port + "/scim/v2/" + tenant, secret);
            assertThat(direct.send("GET", "/Users?count=1", null).statusCode()).isEqualTo(200);
        }
        Client viaFirst = new Client("http://127.0.0.1:" + ports().get(0), ADMIN);
        long revokedAt = System.nanoTime();
        assertThat(viaFirst.send("DELETE", "/admin/v1/tenants/" + tenant + "/credentials/" + tokenId, null).statusCode())
                .isEqualTo(204);
        Client first = new Client("http://127.0.0.1:" + ports().get(0) + "/scim/v2/" + tenant, secret);
        assertThat(first.send("GET", "/Users?count=1", null).statusCode()).as("the instance that revoked").isEqualTo(401);
        long limit = revokedAt + REVOCATION_DELAY.plusSeconds(2).toNanos();
        for (int port : ports()) {
            Client direct = new Client("http://127.0.0.1:" + port + "/scim/v2/" + tenant, secret);
            int status = direct.send("GET", "/Users?count=1", null).statusCode();
            while (status != 401 && System.nanoTime() < limit) {
                Thread.sleep(100);
                status = direct.send("GET", "/Users?count=1", null).statusCode();
            }
            assertThat(status).as("instance on port %d, %d ms after the revocation", port,
                    (System.nanoTime() - revokedAt) / 1_000_000).isEqualTo(401);
        }
    }

    /**
     * A round-robin TCP proxy on loopback: each new connection goes to the next instance that
     * accepts it, as a load balancer's would; the instances behind it can change while it runs.
     */
    private static final class Proxy implements AutoCloseable {
        private final ServerSocket socket;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxy");
            t.setDaemon(true);
            return t;
        });
        private volatile List<Integer> backends = List.of();
        private final AtomicInteger next = new AtomicInteger();
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

        Proxy() throws IOException {
            socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            threads.submit(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        void backends(List<Integer> ports) {
            backends = List.copyOf(ports);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.submit(() -> connect(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void connect(Socket client) {
            List<Integer> ports = backends;
            for (int tried = 0; tried < ports.size(); tried++) {
                int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
                try {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), port);
                    open.add(client);
                    open.add(server);
                    threads.submit(() -> pipe(client, server));
                    threads.submit(() -> pipe(server, client));
                    return;
                } catch (IOException e) {
                    // that instance is gone: the next one
                }
            }
            closeQuietly(client);
        }

        private void pipe(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                open.forEach(Proxy::closeQuietly);
            }
            threads.shutdownNow();
        }
    }
}
