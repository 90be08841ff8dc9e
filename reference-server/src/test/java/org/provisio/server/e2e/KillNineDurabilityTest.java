package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;

/**
 * The operator's contract on the default embedded H2 store: a {@code kill -9} of the server
 * process never loses a write it acknowledged, and a restart on the same database does not run
 * the migrations again. The server runs as a real separate process ({@code Main}).
 */
class KillNineDurabilityTest {
    private static final String ADMIN = "durability-admin-token-0123456789";
    private static final int CLIENTS = 8;
    private static final int PER_CLIENT = 25;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private Process start(int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.provisio.server.Main");
        pb.environment().put("PROVISIO_PORT", Integer.toString(port));
        pb.environment().put("PROVISIO_DB_URL", "jdbc:h2:file:" + dir.resolve("db/provisio"));
        pb.environment().put("PROVISIO_ADMIN_TOKEN", ADMIN);
        pb.environment().put("PROVISIO_PURGE_INTERVAL", "PT1H");
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "http://127.0.0.1:" + port + "/admin/v1/tenants", ADMIN, null).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited: " + Files.readString(latestLog()));
            }
            sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start in time");
    }

    private Path latestLog() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("server-")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = start(port);
        List<String> ids = new ArrayList<>();
        String tenant;
        String secret;
        try {
            tenant = ScimJson.readObject(send("POST", base + "/admin/v1/tenants", ADMIN, "{\"name\":\"Acme\"}").body())
                    .getText("id").orElseThrow();
            secret = ScimJson.readObject(send("POST", base + "/admin/v1/tenants/" + tenant + "/credentials", ADMIN, null)
                    .body()).getText("secretToken").orElseThrow();
            // eight clients at once, so that writes share the embedded database's group commits
            String scimSecret = secret;
            String scimTenant = tenant;
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<String>>> created = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    created.add(clients.submit(() -> {
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < PER_CLIENT; i++) {
                            HttpResponse<String> r = send("POST", base + "/scim/v2/" + scimTenant + "/Users", scimSecret,
                                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user"
                                            + client + "-" + i + "@example.com\",\"active\":" + (i % 2 == 0) + "}");
                            assertThat(r.statusCode()).isEqualTo(201);
                            mine.add(ScimJson.readObject(r.body()).getText("id").orElseThrow());
                        }
                        return mine;
                    }));
                }
                for (Future<List<String>> f : created) {
                    ids.addAll(f.get(120, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }
        } finally {
            server.destroyForcibly().waitFor();   // SIGKILL right after the last acknowledgement
        }

        Process again = start(port);
        try {
            HttpResponse<String> list = send("GET", base + "/scim/v2/" + tenant + "/Users?count=1000", secret, null);
            assertThat(list.statusCode()).isEqualTo(200);
            ComplexValue body = ScimJson.readObject(list.body());
            assertThat(body.getOrNull("totalResults")).isEqualTo(IntegerValue.of(CLIENTS * PER_CLIENT));
            for (String id : ids) {
                assertThat(send("GET", base + "/scim/v2/" + tenant + "/Users/" + id, secret, null).statusCode())
                        .isEqualTo(200);
            }
            assertThat(Files.readString(latestLog())).doesNotContain("ERROR");
        } finally {
            again.destroy();
            again.waitFor();
        }
    }
}
