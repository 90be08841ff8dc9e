package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;
import org.provisio.server.tls.TestCertificates;
import org.provisio.server.tls.TestCertificates.Algorithm;
import org.provisio.server.tls.TestCertificates.KeyFormat;

/**
 * The server as {@code main} starts it with {@code PROVISIO_TLS_*} set, over a certificate made at
 * test time: Java's {@code HttpClient}, curl and the UnboundID SCIM client speak HTTP/1.1 to it over
 * TLS; TLS 1.1, weak TLS 1.2 suites and plain HTTP are refused; a new certificate written to the files
 * is served to new connections while open ones carry on; an unusable certificate stops start-up in one line.
 */
class TlsTest {
    private static final String ADMIN = "tls-test-admin-token-0123456789";
    private static final TestCertificates CA = TestCertificates.newCa();

    @TempDir
    static Path dir;
    private static TestCertificates.Server certificate;
    private static Main.Running running;
    private static String base;
    private static String tenant;
    private static String secret;

    @BeforeAll
    static void start() {
        certificate = CA.issue(Algorithm.RSA, "rsa.test");
        running = Main.start(config(Map.of(
                "PROVISIO_TLS_CERT", certificate.writeChain(dir.resolve("fullchain.pem")).toString(),
                "PROVISIO_TLS_KEY", certificate.writeKey(dir.resolve("privkey.pem"), KeyFormat.TRADITIONAL).toString())));
        base = "https://127.0.0.1:" + running.server().port();
        HttpResponse<String> created = send(client(), "POST", "/admin/v1/tenants", ADMIN, "{\"name\":\"Acme\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        tenant = ScimJson.readObject(created.body()).getText("id").orElseThrow();
        ComplexValue credential = ScimJson.readObject(send(client(), "POST", "/admin/v1/tenants/" + tenant
                + "/credentials", ADMIN, null).body());
        secret = credential.getText("secretToken").orElseThrow();
        assertThat(credential.getText("tenantUrl")).hasValue("https://localhost:" + running.server().port()
                + "/scim/v2/" + tenant);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static ServerConfig config(Map<String, String> tls) {
        Map<String, String> env = new HashMap<>(tls);
        env.put("PROVISIO_PORT", "0");
        env.put("PROVISIO_DB_URL", "memory");
        env.put("PROVISIO_ADMIN_TOKEN", ADMIN);
        return new ConfigLoader(env, new Properties()).load();
    }

    /** Java's default client (it would take HTTP/2 if offered), trusting the test CA only. */
    private static HttpClient client() {
        return HttpClient.newBuilder().sslContext(CA.clientContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path, String token, String body) {
        return send(client, base, method, path, token, body);
    }

    private static HttpResponse<String> send(HttpClient client, String base, String method, String path, String token,
                                             String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        b.header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":true,\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}";
    }

    @Test
    void javasHttpClientSpeaksHttp11OverTls() throws Exception {
        HttpClient client = client();
        HttpResponse<String> created = send(client, "POST", "/scim/v2/" + tenant + "/Users", secret,
                user("java@example.com"));
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> found = send(client, "GET", "/scim/v2/" + tenant
                + "/Users?filter=userName%20eq%20%22java@example.com%22", secret, null);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"totalResults\":1");
        assertThat(found.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        javax.net.ssl.SSLSession session = found.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(peer(session.getPeerCertificates())).isEqualTo(certificate.certificate);
        assertThat(send(client, "GET", "/scim/v2/" + tenant + "/Users", "wrong-token", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void curlSpeaksHttp11OverTls() throws Exception {
        assumeThat(curl()).as("curl is not installed (apt-get install curl): skipping the curl test").isTrue();
        Path ca = CA.writeCa(dir.resolve("ca.pem"));
        Path body = Files.writeString(dir.resolve("user.json"), user("curl@example.com"));
        String created = run("curl", "-sS", "--cacert", ca.toString(), "-o", "/dev/null",
                "-w", "%{http_code} %{http_version}", "-H", "Authorization: Bearer " + secret,
                "-H", "Content-Type: application/scim+json", "--data-binary", "@" + body,
                base + "/scim/v2/" + tenant + "/Users");
        assertThat(created).isEqualTo("201 1.1");
        String found = run("curl", "-sS", "--cacert", ca.toString(), "-H", "Authorization: Bearer " + secret,
                base + "/scim/v2/" + tenant + "/Users?filter=userName%20eq%20%22curl@example.com%22");
        assertThat(found).contains("\"totalResults\":1");
    }

    @Test
    void theUnboundIdScimClientWorksOverTls() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(CA.clientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        ClientConfig config = new ClientConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .connectorProvider(new JdkHttpConnector(http))
                .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + secret));
        Client client = ClientBuilder.newClient(config);
        try {
            // the tenant URL the server hands out (meta.location must lie under it); localhost is 127.0.0.1 in Java
            ScimService scim = new ScimService(client.target("https://localhost:" + running.server().port() + "/scim/v2/"
                    + tenant));
            assertThat(scim.getServiceProviderConfig().getPatch().isSupported()).isTrue();
            UserResource created = scim.create("Users", new UserResource().setUserName("unboundid@example.com")
                    .setEmails(new Email().setType("work").setPrimary(true).setValue("unboundid@example.com"))
                    .setActive(true));
            assertThat(scim.retrieve(created).getUserName()).isEqualTo("unboundid@example.com");
            ListResponse<UserResource> found = scim.searchRequest("Users")
                    .filter("userName eq \"unboundid@example.com\"").invoke(UserResource.class);
            assertThat(found.getTotalResults()).isEqualTo(1);
        } finally {
            client.close();
        }
    }

    @Test
    void onlyTls12And13WithForwardSecretAeadSuitesAreEnabled() {
        ServerConfig config = config(Map.of("PROVISIO_TLS_CERT", dir.resolve("fullchain.pem").toString(),
                "PROVISIO_TLS_KEY", dir.resolve("privkey.pem").toString()));
        try (org.provisio.server.tls.ServerTls tls = org.provisio.server.tls.ServerTls.load(
                config.operations().tls().orElseThrow())) {
            SSLEngine engine = tls.engineConfigurator().createSSLEngine();
            assertThat(engine.getUseClientMode()).isFalse();
            assertThat(engine.getNeedClientAuth()).isFalse();
            assertThat(engine.getWantClientAuth()).isFalse();
            assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(engine.getEnabledCipherSuites()).isNotEmpty().allSatisfy(suite -> assertThat(
                    suite.matches("TLS_(AES|CHACHA20)_.*") || suite.matches("TLS_ECDHE_(RSA|ECDSA)_WITH_"
                            + "(AES_128_GCM|AES_256_GCM|CHACHA20_POLY1305)_SHA(256|384)")).as(suite).isTrue());
        }
    }

    @ParameterizedTest(name = "a ClientHello of version {0}: ServerHello {1}")
    @CsvSource({"0x0302 (TLS 1.1), false", "0x0303 (TLS 1.2), true"})
    void aTls11ClientHelloIsRefused(String version, boolean served) throws Exception {
        int legacyVersion = Integer.decode(version.substring(0, 6));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", running.server().port()), 5_000);
            socket.setSoTimeout(15_000);
            // the same offer both times: ECDHE-RSA with AES-GCM (TLS 1.2) and with AES-CBC (TLS 1.1 and 1.2)
            socket.getOutputStream().write(clientHello(legacyVersion, 0xC02F, 0xC013, 0xC014));
            int recordType;
            try {
                recordType = socket.getInputStream().read();
            } catch (SocketException reset) {
                recordType = -1;
            }
            if (served) {
                assertThat(recordType).as("a handshake record: the ServerHello").isEqualTo(22);
            } else {
                // a protocol_version alert, or the connection closed at once (Grizzly may not flush the alert)
                assertThat(recordType).as("an alert or the end of the connection").isIn(21, -1);
            }
        }
    }

    @ParameterizedTest(name = "TLS 1.2 with {0}: accepted {1}")
    @CsvSource({
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, true",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, true",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, false",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, false",
            "TLS_RSA_WITH_AES_128_GCM_SHA256, false",
            "TLS_RSA_WITH_AES_256_CBC_SHA256, false",
    })
    void tls12ServesForwardSecretAeadSuitesOnly(String suite, boolean accepted) throws Exception {
        SSLContext context = CA.clientContext();
        assumeThat(List.of(context.getSupportedSSLParameters().getCipherSuites())).as("this Java offers " + suite)
                .contains(suite);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                running.server().port())) {
            socket.setSoTimeout(15_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {suite});
            if (accepted) {
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
                assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
            } else {
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    @Test
    void plainHttpToTheTlsPortIsClosedWithoutAHang() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", running.server().port()), 5_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET /scim/v2/" + tenant + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + secret + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open without answering", e);
            } catch (SocketException reset) {
                // closed by the server: what we want
            }
            assertThat(received.toString(StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/1.1").doesNotContain("totalResults");
        }
    }

    @Test
    void grizzlysOwnRefusalsAreScimErrorsOverTlsToo() throws Exception {
        try (SSLSocket socket = (SSLSocket) CA.clientContext().getSocketFactory().createSocket("127.0.0.1",
                running.server().port())) {
            socket.setSoTimeout(15_000);
            String huge = "x".repeat(70_000);
            socket.getOutputStream().write(("GET /scim/v2/" + tenant + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Filler: " + huge + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.headers().get("content-type")).startsWith("application/scim+json");
            assertThat(ScimJson.readObject(response.body()).getText("status")).hasValue("431");
        }
    }

    @Test
    void aNewCertificateIsServedToNewConnectionsWhileOpenOnesCarryOn(@TempDir Path own) throws Exception {
        TestCertificates.Server first = CA.issue(Algorithm.EC, "first.test");
        Path cert = first.writeChain(own.resolve("fullchain.pem"));
        Path key = first.writeKey(own.resolve("privkey.pem"), KeyFormat.PKCS8);
        try (Main.Running server = Main.start(config(Map.of("PROVISIO_TLS_CERT", cert.toString(),
                "PROVISIO_TLS_KEY", key.toString())))) {
            int port = server.server().port();
            try (SSLSocket open = (SSLSocket) CA.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
                open.setSoTimeout(15_000);
                assertThat(KeepAlive.get(open, "/scim/v2/x/Users")).isEqualTo(401);
                assertThat(peer(open.getSession().getPeerCertificates())).isEqualTo(first.certificate);

                TestCertificates.Server second = CA.issue(Algorithm.RSA, "second.test");
                second.writeKey(own.resolve("privkey.pem"), KeyFormat.TRADITIONAL);
                second.writeChain(own.resolve("fullchain.pem"));
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                Certificate served = first.certificate;
                while (!served.equals(second.certificate) && Instant.now().isBefore(deadline)) {
                    // the open connection keeps working, and is kept from idling out, while the files are watched
                    assertThat(KeepAlive.get(open, "/scim/v2/x/Users")).isEqualTo(401);
                    Thread.sleep(250);
                    served = peer(send(client(), "https://127.0.0.1:" + port, "GET", "/scim/v2/x/Users", "t", null)
                            .sslSession().orElseThrow().getPeerCertificates());
                }
                assertThat(served).as("the certificate a new connection gets").isEqualTo(second.certificate);
                assertThat(KeepAlive.get(open, "/scim/v2/x/Users")).isEqualTo(401);
                assertThat(peer(open.getSession().getPeerCertificates())).isEqualTo(first.certificate);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a key of another certificate, PROVISIO_TLS_KEY does not hold a private key matching PROVISIO_TLS_CERT",
            "a certificate file of garbage, PROVISIO_TLS_CERT holds no PEM certificate",
            "a key file of garbage, PROVISIO_TLS_KEY holds no PEM private key",
            "a keystore of garbage, PROVISIO_TLS_KEYSTORE is not a PKCS#12 keystore",
    })
    void anUnusableCertificateStopsStartUpInOneLine(String problem, String line, @TempDir Path own) throws Exception {
        Path cert = certificate.writeChain(own.resolve("cert.pem"));
        Path key = certificate.writeKey(own.resolve("key.pem"), KeyFormat.PKCS8);
        Path garbage = Files.writeString(own.resolve("garbage"), "garbage\n");
        Map<String, String> tls = switch (problem) {
            case "a key of another certificate" -> Map.of("PROVISIO_TLS_CERT", cert.toString(),
                    "PROVISIO_TLS_KEY", CA.issue(Algorithm.EC, "other.test").writeKey(own.resolve("other.pem"),
                            KeyFormat.TRADITIONAL).toString());
            case "a certificate file of garbage" -> Map.of("PROVISIO_TLS_CERT", garbage.toString(),
                    "PROVISIO_TLS_KEY", key.toString());
            case "a key file of garbage" -> Map.of("PROVISIO_TLS_CERT", cert.toString(),
                    "PROVISIO_TLS_KEY", garbage.toString());
            default -> Map.of("PROVISIO_TLS_KEYSTORE", garbage.toString(), "PROVISIO_TLS_KEYSTORE_PASSWORD", "pw");
        };
        assertThatThrownBy(() -> Main.start(config(tls)).close()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(line);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.provisio.server.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(own.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("PROVISIO_"));
        pb.environment().putAll(tls);
        pb.environment().put("PROVISIO_PORT", "0");
        pb.environment().put("PROVISIO_DB_URL", "memory");
        pb.environment().put("PROVISIO_ADMIN_TOKEN", ADMIN);
        pb.redirectOutput(own.resolve("stdout").toFile()).redirectError(own.resolve("stderr").toFile());
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop after refusing its certificate");
        }
        List<String> stderr = Files.readAllLines(own.resolve("stderr"));
        String stdout = Files.readString(own.resolve("stdout"));
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).hasSize(1);
        assertThat(stderr.get(0)).startsWith("provisio: " + line);
        assertThat(stdout + String.join("\n", stderr)).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Certificate peer(Certificate[] chain) {
        return chain[0];
    }

    /**
     * A TLS ClientHello of {@code version} offering {@code suites}, with the extensions an ECDHE-RSA
     * handshake needs: supported groups, point formats and signature algorithms.
     */
    private static byte[] clientHello(int version, int... suites) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0);
        body.write((suites.length * 2) >> 8);
        body.write(suites.length * 2);
        for (int suite : suites) {
            body.write(suite >> 8);
            body.write(suite);
        }
        body.write(1);
        body.write(0);
        byte[] extensions = {
                0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x1d,         // supported_groups: P-256, x25519
                0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,                                 // ec_point_formats: uncompressed
                0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x08, 0x04, 0x04, 0x01, 0x02, 0x01}; // rsa_pss_rsae_sha256, rsa_pkcs1_sha256, rsa_pkcs1_sha1
        body.write(extensions.length >> 8);
        body.write(extensions.length);
        body.writeBytes(extensions);
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1, (byte) ((hello.length + 4) >> 8), (byte) (hello.length + 4), 1, 0,
                (byte) (hello.length >> 8), (byte) hello.length});
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static boolean curl() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish");
        }
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** HTTP/1.1 requests one after another on one open connection. */
    private static final class KeepAlive {
        static int get(Socket socket, String path) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the server closed the connection");
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.readNBytes(length);
            return Integer.parseInt(lines[0].split(" ")[1]);
        }
    }
}
