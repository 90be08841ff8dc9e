package org.provisio.server.config;

import java.net.URI;
import java.util.Objects;

/** Lifecycle webhooks ({@code PROVISIO_WEBHOOK_URL}, {@code PROVISIO_WEBHOOK_SECRET}). */
public record WebhookSettings(URI url, String secret) {
    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=***]";
    }
}
