package org.provisio.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One target of the benchmark: a JVM started with the README's options (the ceiling, or the
 * reference server on one store), how long it took to answer its first authenticated 200, and, for
 * Provisio, a tenant with its SCIM token and the users loaded into it.
 */
final class Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Store store;
    private final Process process;
    private final int port;
    private final Path log;
    private final String adminToken;
    private final HttpClient http;
    private final long startupMillis;
    private final long startupCpuMillis;
    private String tenantId = "bench";
    private String scimToken = "none";
    private final List<String> ids = new ArrayList<>();
    private final List<String> userNames = new ArrayList<>();

    private Target(Store store, Process process, int port, Path log, String adminToken, HttpClient http,
            long startupMillis, long startupCpuMillis) {
        this.store = store;
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminToken = adminToken;
        this.http = http;
        this.startupMillis = startupMillis;
        this.startupCpuMillis = startupCpuMillis;
    }

    /**
     * Starts {@code command} in {@code dir} with {@code env} and waits for its first 200: an
     * authenticated {@code GET /admin/v1/tenants} for Provisio, {@code GET /Users/{id}} for the ceiling.
     * Start-up is the wall time from the process's start to that answer, with the process's CPU time
     * at that moment.
     */
    static Target start(Store store, List<String> command, Map<String, String> env, Path dir, int port,
            String adminToken, HttpClient http, Pids pids) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        URI probe = URI.create("http://127.0.0.1:" + port
                + (store.isProvisio() ? "/admin/v1/tenants" : "/scim/v2/bench/Users/probe"));
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + adminToken).GET().build();

        long started = System.nanoTime();
        Process process = builder.start();
        pids.add(process.pid());
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(store.label() + " exited with " + process.exitValue()
                        + " before answering; see " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() - started > STARTUP_LIMIT.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException(store.label() + " gave no 200 within " + STARTUP_LIMIT.toSeconds()
                        + " s; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    long wall = (System.nanoTime() - started) / 1_000_000;
                    long cpu = ProcStats.cpuMillis(process.pid()).orElse(-1);
                    return new Target(store, process, port, log, adminToken, http, wall, cpu);
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listening but not answering yet
            }
            Thread.sleep(10);
        }
    }

    Store store() {
        return store;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    long startupMillis() {
        return startupMillis;
    }

    long startupCpuMillis() {
        return startupCpuMillis;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code http://127.0.0.1:port/scim/v2/{tenant}/Users}. */
    String usersUrl() {
        return "http://127.0.0.1:" + port + "/scim/v2/" + tenantId + "/Users";
    }

    String scimToken() {
        return scimToken;
    }

    List<String> ids() {
        return ids;
    }

    List<String> userNames() {
        return userNames;
    }

    /** CPU time so far of the process's JIT compiler threads; see {@link ProcStats#compilerCpuMillis}. */
    OptionalLong compilerCpuMillis() {
        return ProcStats.compilerCpuMillis(process.pid());
    }

    OptionalLong rssKib() {
        return ProcStats.statusKib(process.pid(), "VmRSS");
    }

    OptionalLong peakRssKib() {
        return ProcStats.statusKib(process.pid(), "VmHWM");
    }

    /** Creates a tenant and SCIM credentials through the admin API. */
    void createTenant(String name) throws IOException, InterruptedException {
        JsonNode tenant = admin("POST", "/admin/v1/tenants", "{\"name\":\"" + name + "\"}", 201);
        tenantId = tenant.path("id").asText();
        JsonNode credential = admin("POST", "/admin/v1/tenants/" + tenantId + "/credentials", "", 201);
        scimToken = credential.path("secretToken").asText();
        if (tenantId.isEmpty() || scimToken.isEmpty()) {
            throw new IllegalStateException(store.label() + ": the admin API gave no tenant id or secretToken");
        }
    }

    /** {@code pending + retrying} of {@code GET /admin/v1/outbox}: messages still to be delivered. */
    long outboxBacklog() throws IOException, InterruptedException {
        JsonNode depth = admin("GET", "/admin/v1/outbox", null, 200);
        return depth.path("pending").asLong() + depth.path("retrying").asLong();
    }

    /**
     * Creates {@code count} users with {@code POST /Users} from {@code threads} client threads, each
     * named {@code <prefix>-<n>@example.com}, and keeps their ids and userNames.
     */
    void loadUsers(int count, int threads, String prefix) throws InterruptedException {
        String[] loadedIds = new String[count];
        String[] loadedNames = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                        String userName = prefix + "-" + i + "@example.com";
                        try {
                            loadedIds[i] = createUser(userName, prefix + "-" + i, i);
                            loadedNames[i] = userName;
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(null, "user " + i + ": " + HttpBench.why(e));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            failure.compareAndSet(null, "interrupted");
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, String.valueOf(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (failure.get() != null) {
            throw new IllegalStateException(store.label() + ": loading users failed at " + failure.get());
        }
        ids.addAll(List.of(loadedIds));
        userNames.addAll(List.of(loadedNames));
    }

    /** Ids for the ceiling, which has no users: any id gets the fixed user. */
    void inventIds(int count) {
        for (int i = 0; i < count; i++) {
            ids.add(java.util.UUID.randomUUID().toString());
        }
    }

    private String createUser(String userName, String externalId, int n) throws IOException, InterruptedException {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"externalId\":\"" + externalId + "\",\"active\":true,"
                + "\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User " + n + "\"},"
                + "\"displayName\":\"Bench User " + n + "\","
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(usersUrl())).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + scimToken)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return JSON.readTree(response.body()).path("id").asText();
                }
                throw new IOException("POST /Users answered " + response.statusCode() + ": " + abbreviate(response.body()));
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private JsonNode admin(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken);
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not stopped after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        stop(process, grace);
    }

    static void stop(Process process, Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The last lines of a log, to say why a target failed. */
    static String tail(Path log) {
        return tail(log, 15);
    }

    static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines.removeIf(String::isBlank);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
