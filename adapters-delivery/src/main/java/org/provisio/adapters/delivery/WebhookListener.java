package org.provisio.adapters.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.port.LifecycleListener;

/**
 * Posts each lifecycle event to a webhook URL as JSON, signed with HMAC-SHA256:
 *
 * <pre>
 * POST {url}
 * Content-Type: application/json
 * Provisio-Event-Id: 5f0c…            (the idempotency key; repeats carry the same id)
 * Provisio-Signature: t=1764412800,v1=9a7c…
 *
 * {"id":"5f0c…","type":"suspended","tenantId":"…","userId":"…","at":"2026-11-29T11:00:00Z"}
 * </pre>
 *
 * {@code v1} is the hex HMAC-SHA256, keyed with the shared secret, of {@code "<t>.<body>"}; a
 * receiver recomputes it and rejects stale timestamps to stop replays. A non-2xx answer or a
 * network failure throws, so the outbox retries the event with backoff.
 */
public final class WebhookListener implements LifecycleListener {
    public static final String SIGNATURE_HEADER = "Provisio-Signature";
    public static final String EVENT_ID_HEADER = "Provisio-Event-Id";

    private final URI url;
    private final byte[] secret;
    private final Clock clock;
    private final HttpClient http;

    public WebhookListener(URI url, String secret, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        if (this.secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void onEvent(LifecycleEvent event) {
        post(event.id(), body(event));
    }

    /** A group's event: {@code group.created}, {@code group.updated}, {@code group.members_changed}, {@code group.deleted}. */
    @Override
    public void onGroupEvent(GroupEvent event) {
        post(event.id(), body(event));
    }

    private void post(String eventId, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, eventId)
                .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("Webhook " + url + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling webhook " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Webhook " + url + " answered " + response.statusCode());
        }
    }

    /** The JSON body of an event. */
    static String body(LifecycleEvent e) {
        return "{\"id\":" + quote(e.id()) + ",\"type\":" + quote(e.type().name().toLowerCase(Locale.ROOT))
                + ",\"tenantId\":" + quote(e.tenantId().value()) + ",\"userId\":" + quote(e.userId().value())
                + ",\"at\":" + quote(e.at().toString()) + "}";
    }

    /**
     * The JSON body of a group's event, e.g. {@code {"id":"…","type":"group.members_changed","tenantId":"…",
     * "groupId":"…","at":"…","added":["…"],"removed":[]}}; {@code displayName} on created and updated.
     */
    static String body(GroupEvent e) {
        StringBuilder b = new StringBuilder("{\"id\":").append(quote(e.id()))
                .append(",\"type\":").append(quote("group." + e.type().name().toLowerCase(Locale.ROOT)))
                .append(",\"tenantId\":").append(quote(e.tenantId().value()))
                .append(",\"groupId\":").append(quote(e.groupId().value()))
                .append(",\"at\":").append(quote(e.at().toString()));
        e.displayName().ifPresent(name -> b.append(",\"displayName\":").append(quote(name)));
        if (e.type() == GroupEvent.Type.MEMBERS_CHANGED) {
            b.append(",\"added\":").append(ids(e.added())).append(",\"removed\":").append(ids(e.removed()));
        }
        return b.append('}').toString();
    }

    private static String ids(java.util.List<org.provisio.domain.model.UserId> ids) {
        StringBuilder b = new StringBuilder("[");
        for (org.provisio.domain.model.UserId id : ids) {
            b.append(b.length() == 1 ? "" : ",").append(quote(id.value()));
        }
        return b.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"}: what a receiver recomputes to verify. */
    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
