package org.provisio.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;

/**
 * The training run of the server's class archive (Java's application class-data sharing): the
 * build runs it once with {@code -XX:ArchiveClassesAtExit=target/provisio.jsa}, and the README's
 * run command maps that archive ({@code -XX:SharedArchiveFile}), which saves the JVM parsing and
 * verifying some 6,000 classes at every start (2.7 s to the first answer without it, 1.7 s with it,
 * on 2 cores). The run starts the server as the run command would (embedded H2, in a temporary
 * directory; no SMTP), makes the calls an identity provider and an operator make first, stops, and
 * exits: the JVM then writes every class it loaded to the archive.
 *
 * <p>An archive that does not fit the JVM or the jar (another Java build, a rebuilt jar) is ignored
 * by Java, and the server starts as it would without one. Any failure here is reported and ends the
 * run with status 0, so that the build never depends on it.
 */
public final class ClassArchiveTraining {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secretToken\"\\s*:\\s*\"([^\"]+)\"");

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) {
        Path dir = null;
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        // the build's output needs no access lines; the classes that write them load all the same
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            dir = Files.createTempDirectory("provisio-class-archive");
            train(dir);
            System.out.println("provisio: class archive training run done");
        } catch (Exception | LinkageError e) {
            System.out.println("provisio: class archive training run failed, the archive may be incomplete: " + e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void train(Path dir) throws IOException, InterruptedException {
        String admin = "training-" + UUID.randomUUID();
        ServerConfig config = new ConfigLoader(Map.of(
                "PROVISIO_PORT", "0",
                "PROVISIO_BIND", "127.0.0.1",
                "PROVISIO_ADMIN_TOKEN", admin,
                "PROVISIO_DB_URL", "jdbc:h2:file:" + dir.resolve("provisio").toAbsolutePath()), new Properties()).load();
        try (Main.Running running = Main.start(config)) {
            String base = "http://127.0.0.1:" + running.server().port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            call(http, "GET", base + "/admin/v1/tenants", admin, null);
            String tenant = first(ID, call(http, "POST", base + "/admin/v1/tenants", admin, "{\"name\":\"Training\"}"));
            String token = first(SECRET, call(http, "POST", base + "/admin/v1/tenants/" + tenant + "/credentials", admin,
                    ""));
            String users = base + "/scim/v2/" + tenant + "/Users";
            call(http, "GET", base + "/scim/v2/" + tenant + "/ServiceProviderConfig", token, null);
            call(http, "GET", users + "?filter=" + java.net.URLEncoder.encode("userName eq \"ada@example.com\"",
                    java.nio.charset.StandardCharsets.UTF_8), token, null);
            String user = first(ID, call(http, "POST", users, token, "{\"schemas\":[\"urn:ietf:params:scim:schemas:"
                    + "core:2.0:User\"],\"userName\":\"ada@example.com\",\"externalId\":\"ada\",\"active\":true,"
                    + "\"name\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"},\"displayName\":\"Ada Lovelace\","
                    + "\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\",\"primary\":true}]}"));
            call(http, "GET", users + "/" + user, token, null);
            call(http, "PATCH", users + "/" + user, token, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                    + "PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
            call(http, "PATCH", users + "/" + user, token, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                    + "PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
            String group = first(ID, call(http, "POST", base + "/scim/v2/" + tenant + "/Groups", token,
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Training\","
                            + "\"members\":[{\"value\":\"" + user + "\"}]}"));
            call(http, "GET", base + "/scim/v2/" + tenant + "/Groups/" + group, token, null);
            call(http, "GET", users + "?startIndex=1&count=10", token, null);
            call(http, "DELETE", users + "/" + user, token, null);
            call(http, "GET", base + "/health/ready", null, null);
            call(http, "GET", base + "/console", null, null);
        }
    }

    private static String call(HttpClient http, String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", url.contains("/admin/") ? "application/json" : "application/scim+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
