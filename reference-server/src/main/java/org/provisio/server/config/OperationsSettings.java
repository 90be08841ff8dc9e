package org.provisio.server.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator running Provisio in production sets beyond the basics: the metrics endpoint's
 * token, per-tenant rate limits, the limit of failed authentications per client address, TLS and
 * the log format.
 *
 * @param metricsToken      {@code PROVISIO_METRICS_TOKEN}: {@code GET /metrics} answers this bearer
 *                          token only; unset, the endpoint does not exist (404)
 * @param rateLimit         {@code PROVISIO_RATE_LIMIT}: requests per second per tenant, {@code 0} for no limit
 * @param rateBurst         {@code PROVISIO_RATE_BURST}: requests a tenant may make at once above the rate
 * @param authFailureLimit  {@code PROVISIO_AUTH_FAILURE_LIMIT}: failed authentications per minute per
 *                          client address before further attempts get 429, {@code 0} for no limit
 * @param tls               {@code PROVISIO_TLS_*}: HTTPS instead of HTTP
 * @param logFormat         {@code PROVISIO_LOG_FORMAT}
 * @param shutdownDrain     {@code PROVISIO_SHUTDOWN_DRAIN}: how long the server goes on serving after
 *                          {@code /health/ready} turned 503 at shutdown, before it stops accepting
 *                          connections and lets the requests in flight finish
 */
public record OperationsSettings(Optional<String> metricsToken, double rateLimit, int rateBurst, int authFailureLimit,
                                 Optional<TlsSettings> tls, LogFormat logFormat, Duration shutdownDrain) {
    /** How log lines are written. */
    public enum LogFormat {
        /** One human-readable line per event (the default). */
        TEXT,
        /** One JSON object per line, for a log pipeline. */
        JSON
    }

    public OperationsSettings {
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(shutdownDrain, "shutdownDrain");
    }

    /**
     * No metrics endpoint, no rate limit, 30 failed authentications a minute per address, plain HTTP, text logs,
     * no drain at shutdown.
     */
    public static OperationsSettings defaults() {
        return new OperationsSettings(Optional.empty(), 0, 1, 30, Optional.empty(), LogFormat.TEXT, Duration.ZERO);
    }

    /** Whether tenants are rate limited. */
    public boolean rateLimited() {
        return rateLimit > 0;
    }

    @Override
    public String toString() {
        return "OperationsSettings[metricsToken=" + (metricsToken.isPresent() ? "***" : "unset") + ", rateLimit="
                + rateLimit + ", rateBurst=" + rateBurst + ", authFailureLimit=" + authFailureLimit + ", tls="
                + tls.map(Object::toString).orElse("off") + ", logFormat=" + logFormat + ", shutdownDrain=" + shutdownDrain + "]";
    }
}
