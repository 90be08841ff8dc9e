package org.provisio.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.jaxrs.grizzly.GrizzlyHardening;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.RawHttp;
import org.provisio.server.ServerFixture;
import org.provisio.server.TestUsers;

/**
 * Clients that are slow, huge or malformed cannot stop the server or get a container error page:
 * bodies trickled a byte at a time hold no worker, a body or a head that never completes is cut
 * off, and everything Grizzly refuses itself is a SCIM Error JSON.
 */
class SlowAndMalformedClientsTest {
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(3);
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static ServerFixture fixture;
    private static String tenantB;
    private static String secretB;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.hardened(GrizzlyHardening.defaults().bodyDeadline(BODY_DEADLINE).idleTimeout(IDLE)
                .maxBodiesPerAddress(40));
        tenantB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Beta\"}")).getText("id").orElseThrow();
        secretB = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants/" + tenantB + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getText("secretToken").orElseThrow();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", fixture.server.port()), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /**
     * More clients than the server has workers send their bodies a byte every 100 ms; meanwhile
     * another tenant's requests are all answered, every one before any trickled body is complete.
     */
    @Test
    void bodiesTrickledAByteAtATimeHoldNoWorker() throws Exception {
        byte[] body = TestUsers.body("slow@a.example", true).substring(0, 20).getBytes(StandardCharsets.UTF_8);
        int slow = 12;
        ExecutorService pool = Executors.newFixedThreadPool(slow);
        AtomicLong firstSlowDone = new AtomicLong(Long.MAX_VALUE);
        List<Future<Integer>> trickles = new ArrayList<>();
        try {
            for (int i = 0; i < slow; i++) {
                trickles.add(pool.submit(() -> {
                    try (Socket socket = connect()) {
                        OutputStream out = socket.getOutputStream();
                        out.write(("POST " + fixture.scim() + "/Users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                + "Authorization: Bearer " + fixture.secret + "\r\nContent-Type: application/scim+json\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        for (byte b : body) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(100);
                        }
                        int status = RawHttp.read(socket.getInputStream()).status();
                        firstSlowDone.accumulateAndGet(System.nanoTime(), Math::min);
                        return status;
                    }
                }));
            }
            Thread.sleep(300);
            long lastFastDone = 0;
            for (int i = 0; i < 20; i++) {
                int status = fixture.send("GET", "/scim/v2/" + tenantB + "/Users?count=1", secretB, null).statusCode();
                assertThat(status).isEqualTo(200);
                lastFastDone = System.nanoTime();
            }
            assertThat(lastFastDone).as("every fast request was answered while the slow bodies were still arriving")
                    .isLessThan(firstSlowDone.get());
            for (Future<Integer> trickle : trickles) {
                // the bodies are cut JSON: a clean 400 once complete, never a stuck connection
                assertThat(trickle.get(30, TimeUnit.SECONDS)).isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBodyThatNeverCompletesIsCutOffWith408() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + fixture.scim() + "/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + fixture.secret
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{\"userName\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();
            RawHttp.Response r = RawHttp.read(socket.getInputStream());
            assertThat(r.status()).isEqualTo(408);
            assertScimError(r);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(BODY_DEADLINE.minusMillis(100));
        }
    }

    @Test
    void aHeadThatNeverCompletesIsDisconnected() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /scim/v2/x/Users HTTP/1.1\r\nHost: x\r\nX-Slow: a".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout((int) IDLE.multipliedBy(5).toMillis());
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                read = -2;
            }
            assertThat(read).as("the server closed the connection instead of waiting for the head").isEqualTo(-1);
        }
    }

    @Test
    void aMalformedPercentEscapeIsA400ScimError() {
        for (String target : List.of(fixture.scim() + "/Users%zz", fixture.scim() + "/Users/%2", "/invitations/%zz",
                "/invitations/<script>", "/invitations/<script>/accept", "/admin/v1/tenants/{x}")) {
            for (String method : List.of("GET", "POST")) {
                RawHttp.Response r = RawHttp.send(fixture.server.port(), method, target, method.equals("POST") ? "{}" : null,
                        "Authorization: Bearer " + fixture.secret);
                assertThat(r.status()).as(method + " " + target).isEqualTo(400);
                assertScimError(r);
            }
        }
    }

    @Test
    void aContentLengthBeyondAnyLimitIs413BeforeAnythingElse() {
        for (String length : List.of("9999999999", "2147483648", "1048577")) {
            RawHttp.Response r = RawHttp.exchange(fixture.server.port(), ("POST " + fixture.scim() + "/Users HTTP/1.1\r\n"
                    + "Host: x\r\nConnection: close\r\nContent-Type: application/scim+json\r\nContent-Length: " + length
                    + "\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
            assertThat(r.status()).as(length).isEqualTo(413);
            assertScimError(r);
        }
    }

    @Test
    void aFilterOfTenThousandCharactersFitsAndLongerHeadsPointToSearch() {
        String filter = "userName eq \"" + "a".repeat(9_980) + "\"";
        String encoded = java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8);
        RawHttp.Response ok = RawHttp.send(fixture.server.port(), "GET", fixture.scim() + "/Users?filter=" + encoded,
                null, "Authorization: Bearer " + fixture.secret);
        assertThat(ok.status()).isEqualTo(200);

        RawHttp.Response uri = RawHttp.send(fixture.server.port(), "GET", fixture.scim() + "/Users?filter="
                + "a".repeat(70_000), null, "Authorization: Bearer " + fixture.secret);
        assertThat(uri.status()).isEqualTo(414);
        assertScimError(uri);
        assertThat(uri.body()).contains(".search");

        RawHttp.Response headers = RawHttp.send(fixture.server.port(), "GET", fixture.scim() + "/Users", null,
                "Authorization: Bearer " + fixture.secret, "X-Big: " + "b".repeat(70_000));
        assertThat(headers.status()).isEqualTo(431);
        assertScimError(headers);
    }

    private static void assertScimError(RawHttp.Response r) {
        assertThat(r.headers().get("content-type")).startsWith("application/scim+json");
        ComplexValue error = ScimJson.readObject(r.body());
        assertThat(error.getText("status")).hasValue(Integer.toString(r.status()));
        assertThat(r.body()).doesNotContain("Grizzly", "Exception", "\tat ");
    }
}
