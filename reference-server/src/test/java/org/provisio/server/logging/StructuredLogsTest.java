package org.provisio.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.scim.json.ScimJson;

/**
 * {@code PROVISIO_LOG_FORMAT} in the server as an operator runs it, a process of its own: with
 * {@code json} every line it writes — the first start-up line, access lines with their request id,
 * lifecycle events, the mail log, the purge job's report through {@code System.Logger} — is one JSON
 * object; without it every line is the text line it always was.
 */
class StructuredLogsTest {
    private static final String ADMIN = "structured-logs-admin-token-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("is listening on [^:]+:(\\d+);");
    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO |WARN |ERROR) \\S+ - .*");
    private static final String DISTINCTIVE = "zq-distinctive-7731";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** A server process and the file its standard output goes to. */
    private record Server(Process process, Path out, int port) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    private Server start(String format) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.provisio.server.Main");
        pb.environment().keySet().removeIf(k -> k.startsWith("PROVISIO_"));
        pb.environment().put("PROVISIO_PORT", "0");
        pb.environment().put("PROVISIO_DB_URL", "memory");
        pb.environment().put("PROVISIO_ADMIN_TOKEN", ADMIN);
        // a suspended user is purged a second later, so that the purge job reports through System.Logger
        pb.environment().put("PROVISIO_RETENTION", "PT1S");
        pb.environment().put("PROVISIO_PURGE_INTERVAL", "PT1S");
        if (format != null) {
            pb.environment().put("PROVISIO_LOG_FORMAT", format);
        }
        pb.directory(dir.toFile());
        Path out = dir.resolve("stdout-" + (format == null ? "default" : format) + ".log");
        pb.redirectOutput(out.toFile());
        pb.redirectError(dir.resolve("stderr.log").toFile());
        Process process = pb.start();
        String listening = awaitLine(process, out, line -> LISTENING.matcher(line).find());
        Matcher m = LISTENING.matcher(listening);
        assertThat(m.find()).isTrue();
        return new Server(process, out, Integer.parseInt(m.group(1)));
    }

    /** Waits for a line of the process's output that {@code wanted} accepts, and returns it. */
    private static String awaitLine(Process process, Path out, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(out));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the line never came: " + Files.readString(out));
    }

    /** Stops the server as an operator does (SIGTERM), so that it writes out every queued line. */
    private static List<String> stop(Server server) throws Exception {
        server.process().destroy();
        assertThat(server.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(server.out(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private HttpResponse<String> send(Server server, String method, String path, String token, String body,
                                      String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A tenant with a credential, a pending user, a suspended one (soon purged) and a refused query. */
    private void drive(Server server) throws Exception {
        String tenant = ScimJson.readObject(send(server, "POST", "/admin/v1/tenants", ADMIN, "{\"name\":\"Acme\"}",
                "logs-tenant").body()).getText("id").orElseThrow();
        String secret = ScimJson.readObject(send(server, "POST", "/admin/v1/tenants/" + tenant + "/credentials", ADMIN,
                null, null).body()).getText("secretToken").orElseThrow();
        HttpResponse<String> created = send(server, "POST", "/scim/v2/" + tenant + "/Users", secret,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"kim@example.com\","
                        + "\"emails\":[{\"value\":\"kim@example.com\",\"primary\":true}]}", "logs-create-1");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).hasValue("logs-create-1");
        assertThat(send(server, "POST", "/scim/v2/" + tenant + "/Users", secret,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"gone@example.com\","
                        + "\"active\":false}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = send(server, "GET", "/scim/v2/" + tenant + "/Users?filter="
                + URLEncoder.encode("userName eqq \"" + DISTINCTIVE + "\"", StandardCharsets.UTF_8), secret, null,
                "logs-bad-filter");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void withJsonEveryLineIsOneJsonObjectAndTheAccessLinesCarryTheRequestId() throws Exception {
        Server server = start("json");
        List<String> lines;
        try {
            drive(server);
            awaitLine(server.process(), server.out(), line -> line.contains("\"loggerName\":\"provisio.events\""));
            awaitLine(server.process(), server.out(), line -> line.contains("\"loggerName\":\"provisio.jobs\""));
        } finally {
            lines = stop(server);
        }

        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.isObject()).as(line).isTrue();
            assertThat(record.get("timestamp").isNumber()).as(line).isTrue();
            assertThat(record.get("level").asText()).as(line).isNotBlank();
            assertThat(record.get("loggerName").asText()).as(line).isNotBlank();
            assertThat(record.get("threadName").asText()).as(line).isNotBlank();
            assertThat(record.get("formattedMessage").asText()).as(line).isNotBlank();
            records.add(record);
        }
        assertThat(message(records.get(0))).as("the very first line").startsWith("Provisio is starting");
        assertThat(records).anySatisfy(r -> assertThat(message(r)).contains("is listening on"));
        assertThat(records).anySatisfy(r -> assertThat(r.get("loggerName").asText()).isEqualTo("provisio.mail"));
        assertThat(records).anySatisfy(r -> assertThat(message(r)).startsWith("event provisioned"));
        assertThat(records).anySatisfy(r -> assertThat(message(r)).startsWith("Purged 1 user(s)"));
        assertThat(records).anySatisfy(r -> assertThat(message(r)).isEqualTo("Stopped"));

        JsonNode create = access(records, "logs-create-1");
        assertThat(message(create)).startsWith("POST /scim/v2/").contains(" 201 ").endsWith(" requestId=logs-create-1");
        JsonNode badFilter = access(records, "logs-bad-filter");
        assertThat(message(badFilter)).contains(" 400 ", " scimType=invalidFilter ").doesNotContain(DISTINCTIVE);
        List<JsonNode> accessLines = records.stream()
                .filter(r -> r.get("loggerName").asText().equals("provisio.access")).toList();
        assertThat(accessLines).hasSize(5).allSatisfy(r -> assertThat(r.get("mdc").get("requestId").asText())
                .matches("[A-Za-z0-9._:-]{1,128}"));
        assertThat(lines).noneMatch(line -> line.contains(DISTINCTIVE));
    }

    @Test
    void withoutAFormatEveryLineIsTheTextLineItAlwaysWas() throws Exception {
        Server server = start(null);
        List<String> lines;
        try {
            drive(server);
            awaitLine(server.process(), server.out(), line -> line.contains(" provisio.events - event provisioned"));
        } finally {
            lines = stop(server);
        }

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches(TEXT_LINE));
        assertThat(lines.get(0)).contains(" INFO  o.provisio.server.Main - Provisio is starting");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                ".*Z INFO  provisio.access - POST /scim/v2/\\S+ 201 \\d+\\.\\dms tenant=\\S+ requestId=logs-create-1"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(" 400 ")
                .endsWith(" scimType=invalidFilter requestId=logs-bad-filter"));
    }

    private static String message(JsonNode record) {
        return record.get("formattedMessage").asText();
    }

    private static JsonNode access(List<JsonNode> records, String requestId) {
        return records.stream().filter(r -> r.get("loggerName").asText().equals("provisio.access")
                && requestId.equals(r.path("mdc").path("requestId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no access line of " + requestId + " in " + records));
    }
}
