package org.provisio.server.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.Store;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ScimResource;
import org.provisio.server.ServerFixture;

/**
 * A load run against a started reference server on loopback: 10,000 users loaded, then for each
 * scenario (GET by id, GET by {@code userName} filter, POST, PATCH {@code active}) a fixed number
 * of client threads send requests for a fixed time and the run reports requests per second and
 * the 50th and 99th percentile latency. Bounded in time; it stops by itself.
 *
 * <p>Run: {@code mvn -B -q -pl reference-server -am install -DskipTests && mvn -B -q -pl reference-server
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.provisio.server.bench.LoadBenchmark}
 * (optional arguments: seconds per scenario, client threads, and {@code h2} for the default
 * embedded H2 store in a temporary file instead of the in-memory one).
 */
public final class LoadBenchmark {
    private static final int USERS = 10_000;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean h2 = args.length > 2 && args[2].equalsIgnoreCase("h2");
        // The access log goes to the console; at thousands of lines per second the terminal, not the
        // server, would be measured. Lifecycle and mail logging stay on.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("provisio.access"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("provisio"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("provisio-load");
        Store store = h2 ? org.provisio.adapters.jdbc.JdbcStore.open(org.provisio.adapters.jdbc.JdbcSettings.of(
                "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0")) : InMemoryStore.create();
        try (ServerFixture server = ServerFixture.with(store, java.time.Clock.systemUTC(), 1_048_576)) {
            List<String> ids = load(server);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(threads)).build();
            String scim = server.base + server.scim();
            AtomicInteger created = new AtomicInteger();
            System.out.printf(Locale.ROOT, "Provisio load run: %d users, %d client threads, %d s per scenario, %s store, "
                    + "Java %s, %d cores%n", USERS, threads, seconds, h2 ? "H2 file" : "in-memory", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-28s %10s %9s %9s %8s%n", "scenario", "req/s", "p50 ms", "p99 ms", "errors");
            // one untimed pass over the read path first, so that the first scenario is not the JIT's warm-up
            measure(client, i -> get(scim + "/Users/" + ids.get(i % ids.size()), server.secret), threads, 5, 200);
            run("GET /Users/{id}", seconds, threads, client, i -> get(scim + "/Users/" + ids.get(i % ids.size()), server.secret), 200);
            run("GET /Users?filter=userName", seconds, threads, client, i -> get(scim + "/Users?filter="
                    + URLEncoder.encode("userName eq \"user" + (i % USERS) + "@example.com\"", StandardCharsets.UTF_8),
                    server.secret), 200);
            run("POST /Users", seconds, threads, client, i -> send("POST", scim + "/Users", server.secret,
                    userJson("new" + created.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt() + "@example.com")), 201);
            run("PATCH /Users/{id} active", seconds, threads, client, i -> send("PATCH", scim + "/Users/" + ids.get(i % ids.size()),
                    server.secret, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                            + "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + (i % 2 == 0 ? "False" : "True") + "\"}]}"), 200);
            System.exit(0);
        }
    }

    private static List<String> load(ServerFixture server) {
        List<String> ids = new ArrayList<>(USERS);
        Actor actor = new Actor.Credential(TokenId.of("loader"));
        for (int i = 0; i < USERS; i++) {
            ids.add(server.provisioning.provisionUser().provision(new ProvisionUser.Command(
                    org.provisio.domain.model.TenantId.of(server.tenantId), actor,
                    ScimResource.of(ScimJson.readObject(userJson("user" + i + "@example.com"))))).orElseThrow(r -> new IllegalStateException(r.toString())).user().id().value());
        }
        return ids;
    }

    private static String userJson(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"externalId\":\"" + userName.hashCode() + "\",\"active\":true,"
                + "\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"},"
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Sales\"}}";
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static HttpRequest send(String method, String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void run(String name, int seconds, int threads, HttpClient client, IntFunction<HttpRequest> request,
                            int expectedStatus) throws Exception {
        measure(client, request, threads, 3, expectedStatus); // warm-up, discarded
        Result r = measure(client, request, threads, seconds, expectedStatus);
        long[] lat = r.latenciesNanos;
        Arrays.sort(lat);
        System.out.printf(Locale.ROOT, "%-28s %10.0f %9.2f %9.2f %8d%n", name, lat.length / r.elapsedSeconds,
                percentile(lat, 0.50) / 1e6, percentile(lat, 0.99) / 1e6, r.errors);
    }

    private record Result(long[] latenciesNanos, double elapsedSeconds, int errors) {
    }

    private static Result measure(HttpClient client, IntFunction<HttpRequest> request, int threads, int seconds,
                                  int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest req = request.apply(counter.getAndIncrement());
                    long t0 = System.nanoTime();
                    HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t0;
                    if (resp.statusCode() != expectedStatus) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int total = parts.stream().mapToInt(p -> p.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return new Result(all, elapsed, errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
