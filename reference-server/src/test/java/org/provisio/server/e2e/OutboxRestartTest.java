package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.adapters.delivery.SmtpInvitationMailer;
import org.provisio.adapters.delivery.WebhookListener;
import org.provisio.adapters.jdbc.JdbcSettings;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.service.Deliveries;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.server.ServerFixture;
import org.provisio.testkit.MutableClock;

/**
 * The outbox survives a restart: a server on an H2 file database provisions a user while the
 * mail server (or the webhook receiver) is down, the server and its store are closed and opened
 * again on the same database, the receiver comes back, and every message is delivered exactly
 * once, in order, with a working link or a valid signature.
 */
class OutboxRestartTest {
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/invitations/[A-Za-z0-9_-]+)");
    private static final String SECRET = "whsec-test-secret";

    @TempDir
    Path tmp;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-29T10:00:00Z"));
    private JdbcStore store;
    private ServerFixture server;
    private GreenMail greenMail;
    private HttpServer receiver;

    /** Opens the store on the test's database file and a server over it. */
    private ServerFixture open() {
        store = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:" + tmp + "/db;WRITE_DELAY=0"));
        server = ServerFixture.with(store, clock, 1_048_576);
        return server;
    }

    /** Stops the server and closes the store, as a process exit would. */
    private void close() {
        server.close();
        store.close();
        server = null;
        store = null;
    }

    @AfterEach
    void stopAll() {
        if (server != null) {
            close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String provision(ServerFixture fixture, String userName) {
        HttpResponse<String> r = fixture.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true,"
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}]}");
        assertThat(r.statusCode()).isEqualTo(201);
        return ServerFixture.json(r).getText("id").orElseThrow();
    }

    private static DispatchOutbox dispatcher(ServerFixture fixture, InvitationMailer mailer, List<LifecycleListener> listeners) {
        return fixture.provisioning.dispatchOutbox(Deliveries.route(mailer, listeners));
    }

    private static ComplexValue outboxDepth(ServerFixture fixture) {
        return ServerFixture.json(fixture.send("GET", "/admin/v1/outbox", ServerFixture.ADMIN_TOKEN, null));
    }

    @Test
    void anInvitationQueuedWhileSmtpIsDownIsMailedOnceAfterARestartAndItsLinkWorks() {
        int smtpPort = freePort();
        ServerFixture first = open();
        DispatchOutbox beforeRestart = dispatcher(first, mailer(smtpPort, first.base), List.of());
        provision(first, "kim@example.com");

        beforeRestart.dispatchDue();
        assertThat(outboxDepth(first).getOrNull("retrying")).as("the invitation failed").isEqualTo(IntegerValue.of(1));
        close();

        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        ServerFixture second = open();
        DispatchOutbox afterRestart = dispatcher(second, mailer(smtpPort, second.base), List.of());
        afterRestart.dispatchDue();
        assertThat(greenMail.getReceivedMessages()).as("not before its retry time").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        afterRestart.dispatchDue();
        clock.advance(Duration.ofHours(2));
        afterRestart.dispatchDue();

        assertThat(greenMail.getReceivedMessages()).as("mailed exactly once").hasSize(1);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        String url = link.group(1).substring(second.base.length());
        assertThat(second.send("POST", url + "/accept", null, null, "Accept", "text/html").statusCode()).isEqualTo(200);
        afterRestart.dispatchDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        ComplexValue depth = outboxDepth(second);
        assertThat(depth.getOrNull("pending")).isEqualTo(IntegerValue.of(0));
        assertThat(depth.getOrNull("retrying")).isEqualTo(IntegerValue.of(0));
        assertThat(depth.getOrNull("oldestPendingAt")).isEqualTo(NullValue.INSTANCE);
    }

    private static SmtpInvitationMailer mailer(int port, String base) {
        return SmtpInvitationMailer.builder("127.0.0.1", port, base)
                .security(SmtpInvitationMailer.Security.NONE).from("no-reply@example.com").build();
    }

    /** A request the webhook receiver got, and what it answered. */
    private record Received(String eventId, String signature, String body, int status) {
        String type() {
            Matcher m = Pattern.compile("\"type\":\"([a-z_]+)\"").matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    @Test
    void noLifecycleEventIsLostAcrossARestartWhileTheWebhookFails() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookListener.EVENT_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookListener.SIGNATURE_HEADER), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");

        ServerFixture first = open();
        String id = provision(first, "kim@example.com");
        assertThat(first.scim("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").statusCode()).isEqualTo(200);
        dispatcher(first, email -> { }, List.of(new WebhookListener(hook, SECRET, clock))).dispatchDue();
        assertThat(received).extracting(Received::status).as("one attempt, refused; the rest waits behind it")
                .containsExactly(500);
        close();

        ServerFixture second = open();
        DispatchOutbox afterRestart = dispatcher(second, email -> { },
                List.of(new WebhookListener(hook, SECRET, clock)));
        clock.advance(Duration.ofMinutes(1));
        afterRestart.dispatchDue();
        clock.advance(Duration.ofHours(2));
        afterRestart.dispatchDue();

        List<Received> accepted = received.stream().filter(r -> r.status() == 204).toList();
        assertThat(accepted).extracting(Received::type).as("each event once, in order")
                .containsExactly("provisioned", "suspended");
        assertThat(accepted.get(0).eventId()).as("the retry carries the same idempotency key")
                .isEqualTo(received.get(0).eventId());
        assertThat(accepted).extracting(Received::eventId).doesNotHaveDuplicates();
        for (Received r : received) {
            Matcher signature = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(r.signature());
            assertThat(signature.matches()).as(r.signature()).isTrue();
            assertThat(signature.group(2)).isEqualTo(WebhookListener.sign(SECRET.getBytes(StandardCharsets.UTF_8),
                    Long.parseLong(signature.group(1)), r.body()));
            assertThat(r.body()).contains("\"id\":\"" + r.eventId() + "\"").contains("\"userId\":\"" + id + "\"");
        }
    }
}
