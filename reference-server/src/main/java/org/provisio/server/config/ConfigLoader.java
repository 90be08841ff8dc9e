package org.provisio.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link ServerConfig} from environment variables ({@code PROVISIO_PORT}) and system
 * properties ({@code -Dprovisio.port}); a system property wins over the variable of the same
 * name. Every value is parsed and checked here, in plain code (a validation framework would cost
 * the start-up more than the checks); the first bad one stops start-up with a
 * {@link ConfigException} whose message is one line naming the setting as it was given. Nothing
 * falls back silently.
 */
public final class ConfigLoader {
    private static final java.util.regex.Pattern PUBLIC_URL =
            java.util.regex.Pattern.compile("https?://[^\\s/?#]+(/[^\\s?#]*)?");
    private final Map<String, String> env;
    private final Properties properties;

    public ConfigLoader(Map<String, String> env, Properties properties) {
        this.env = Map.copyOf(env);
        this.properties = properties;
    }

    /** The configuration of this process. */
    public static ServerConfig fromEnvironment() {
        return new ConfigLoader(System.getenv(), System.getProperties()).load();
    }

    /** Parses and validates; throws {@link ConfigException} on the first bad value. */
    public ServerConfig load() {
        int port = range("PROVISIO_PORT", integer("PROVISIO_PORT", 8080), 0, 65535);
        String bind = string("PROVISIO_BIND").orElse("127.0.0.1");
        Optional<TlsSettings> tls = serverTls();
        String publicUrl = string("PROVISIO_PUBLIC_URL").orElse((tls.isPresent() ? "https" : "http") + "://localhost:" + port);
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        if (!PUBLIC_URL.matcher(publicUrl).matches()) {
            throw new ConfigException(label("PROVISIO_PUBLIC_URL")
                    + " must be an http:// or https:// URL without query or fragment");
        }
        Optional<String> adminToken = string("PROVISIO_ADMIN_TOKEN");
        if (adminToken.isPresent() && adminToken.get().length() < 16) {
            throw new ConfigException(label("PROVISIO_ADMIN_TOKEN") + " must be at least 16 characters");
        }
        String dbUrl = string("PROVISIO_DB_URL").orElse("jdbc:h2:file:./provisio-data/provisio");
        if (!dbUrl.equalsIgnoreCase("memory") && !dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(label("PROVISIO_DB_URL") + " must be 'memory', a jdbc:h2: URL or a jdbc:postgresql: URL, got '"
                    + dbUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + "'");
        }
        Optional<SmtpSettings> smtp = string("PROVISIO_SMTP_HOST").map(host -> new SmtpSettings(
                host,
                range("PROVISIO_SMTP_PORT", integer("PROVISIO_SMTP_PORT", 587), 1, 65535),
                string("PROVISIO_SMTP_USER"),
                string("PROVISIO_SMTP_PASSWORD"),
                string("PROVISIO_SMTP_FROM").orElse("provisio@localhost"),
                tls()));
        if (smtp.isEmpty()) {
            for (String dependent : new String[]{"PROVISIO_SMTP_PORT", "PROVISIO_SMTP_USER", "PROVISIO_SMTP_PASSWORD",
                    "PROVISIO_SMTP_FROM", "PROVISIO_SMTP_TLS"}) {
                if (string(dependent).isPresent()) {
                    throw new ConfigException(label(dependent) + " is set but PROVISIO_SMTP_HOST is not");
                }
            }
        }
        ServerConfig config = new ServerConfig(
                port, bind, publicUrl, dbUrl,
                string("PROVISIO_DB_USER"), string("PROVISIO_DB_PASSWORD"),
                adminToken,
                duration("PROVISIO_RETENTION", Duration.ofDays(30)),
                duration("PROVISIO_PURGE_INTERVAL", Duration.ofHours(1)),
                duration("PROVISIO_INVITATION_TTL", Duration.ofDays(7)),
                range("PROVISIO_MAX_PAYLOAD_SIZE", longValue("PROVISIO_MAX_PAYLOAD_SIZE", 1_048_576), 1024, 104_857_600),
                smtp,
                webhook(),
                range("PROVISIO_OUTBOX_MAX_ATTEMPTS", integer("PROVISIO_OUTBOX_MAX_ATTEMPTS", 12), 1, 100),
                invitationLinks(),
                range("PROVISIO_MAX_ATTRIBUTE_VALUES", integer("PROVISIO_MAX_ATTRIBUTE_VALUES", 100), 1, 100_000),
                range("PROVISIO_MAX_USER_SIZE", integer("PROVISIO_MAX_USER_SIZE", 100_000), 1_000, 10_000_000),
                string("PROVISIO_PUBLIC_URL").isEmpty(),
                duration("PROVISIO_AUDIT_RETENTION", Duration.ofDays(400)),
                range("PROVISIO_BULK_MAX_OPERATIONS", integer("PROVISIO_BULK_MAX_OPERATIONS", 1000), 1, 100_000),
                range("PROVISIO_HTTP_THREADS", integer("PROVISIO_HTTP_THREADS", 32), 2, 1024),
                operations(tls),
                range("PROVISIO_DB_POOL_SIZE", integer("PROVISIO_DB_POOL_SIZE", 10), 1, 1000));
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException(label("PROVISIO_BIND") + " is not an address of this machine: '" + bind + "'");
        }
        return config;
    }

    private OperationsSettings operations(Optional<TlsSettings> tls) {
        Optional<String> metricsToken = string("PROVISIO_METRICS_TOKEN");
        if (metricsToken.isPresent() && metricsToken.get().length() < 16) {
            throw new ConfigException(label("PROVISIO_METRICS_TOKEN") + " must be at least 16 characters");
        }
        double rate = decimal("PROVISIO_RATE_LIMIT", 0);
        if (rate < 0 || rate > 1_000_000) {
            throw new ConfigException(label("PROVISIO_RATE_LIMIT") + " must be between 0 (no limit) and 1000000 requests"
                    + " per second, got " + string("PROVISIO_RATE_LIMIT").orElse(""));
        }
        int burstDefault = (int) Math.max(1, Math.ceil(rate * 2));
        int burst = range("PROVISIO_RATE_BURST", integer("PROVISIO_RATE_BURST", burstDefault), 1, 10_000_000);
        if (rate == 0 && string("PROVISIO_RATE_BURST").isPresent()) {
            throw new ConfigException(label("PROVISIO_RATE_BURST") + " is set but PROVISIO_RATE_LIMIT is not");
        }
        int authFailures = range("PROVISIO_AUTH_FAILURE_LIMIT", integer("PROVISIO_AUTH_FAILURE_LIMIT", 30), 0, 1_000_000);
        return new OperationsSettings(metricsToken, rate, burst, authFailures, tls, logFormat(), shutdownDrain());
    }

    /** {@code PROVISIO_SHUTDOWN_DRAIN}: none by default, at most five minutes. */
    private Duration shutdownDrain() {
        Optional<String> text = string("PROVISIO_SHUTDOWN_DRAIN");
        try {
            Duration d = text.map(t -> Duration.parse(t.toUpperCase(Locale.ROOT))).orElse(Duration.ZERO);
            if (!d.isNegative() && d.compareTo(Duration.ofMinutes(5)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a duration out of range
        }
        throw new ConfigException(label("PROVISIO_SHUTDOWN_DRAIN") + " must be an ISO-8601 duration from PT0S to PT5M,"
                + " such as PT10S, got '" + text.orElse("") + "'");
    }

    /**
     * {@code PROVISIO_LOG_FORMAT}: {@code text} (the default) or {@code json}. The logging setup reads
     * it before anything else, ahead of {@link #load()}, to write even the first line in that format.
     */
    public OperationsSettings.LogFormat logFormat() {
        String format = string("PROVISIO_LOG_FORMAT").orElse("text").toLowerCase(Locale.ROOT);
        return switch (format) {
            case "text" -> OperationsSettings.LogFormat.TEXT;
            case "json" -> OperationsSettings.LogFormat.JSON;
            default -> throw new ConfigException(label("PROVISIO_LOG_FORMAT") + " must be text or json, got '" + format + "'");
        };
    }

    /** PEM certificate and key, or a PKCS#12 keystore, or nothing; never half of either. */
    private Optional<TlsSettings> serverTls() {
        Optional<String> cert = string("PROVISIO_TLS_CERT");
        Optional<String> key = string("PROVISIO_TLS_KEY");
        Optional<String> keystore = string("PROVISIO_TLS_KEYSTORE");
        Optional<String> password = string("PROVISIO_TLS_KEYSTORE_PASSWORD");
        if (keystore.isPresent() && (cert.isPresent() || key.isPresent())) {
            throw new ConfigException(label("PROVISIO_TLS_KEYSTORE") + " and PROVISIO_TLS_CERT/PROVISIO_TLS_KEY are both set:"
                    + " give either PEM files or a PKCS#12 keystore");
        }
        if (keystore.isPresent()) {
            return Optional.of(new TlsSettings.Pkcs12(readable("PROVISIO_TLS_KEYSTORE", keystore.get()), password));
        }
        if (password.isPresent()) {
            throw new ConfigException(label("PROVISIO_TLS_KEYSTORE_PASSWORD") + " is set but PROVISIO_TLS_KEYSTORE is not");
        }
        if (cert.isPresent() != key.isPresent()) {
            String missing = cert.isPresent() ? "PROVISIO_TLS_KEY" : "PROVISIO_TLS_CERT";
            String given = cert.isPresent() ? "PROVISIO_TLS_CERT" : "PROVISIO_TLS_KEY";
            throw new ConfigException(label(given) + " is set but " + missing + " is not: TLS needs both");
        }
        if (cert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TlsSettings.Pem(readable("PROVISIO_TLS_CERT", cert.get()),
                readable("PROVISIO_TLS_KEY", key.get())));
    }

    private java.nio.file.Path readable(String variable, String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw new ConfigException(label(variable) + " names no readable file: '" + file + "'");
        }
        return path;
    }

    private double decimal(String variable, double absent) {
        Optional<String> text = string(variable);
        if (text.isEmpty()) {
            return absent;
        }
        try {
            double v = Double.parseDouble(text.get());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(label(variable) + " must be a number, got '" + text.get() + "'");
        }
    }

    /** {@code value} if it lies within {@code [min, max]}; else the line naming the variable and the range. */
    private int range(String variable, int value, int min, int max) {
        return (int) range(variable, (long) value, min, max);
    }

    private long range(String variable, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(label(variable) + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private Optional<WebhookSettings> webhook() {
        Optional<String> url = string("PROVISIO_WEBHOOK_URL");
        Optional<String> secret = string("PROVISIO_WEBHOOK_SECRET");
        if (url.isEmpty()) {
            if (secret.isPresent()) {
                throw new ConfigException(label("PROVISIO_WEBHOOK_SECRET") + " is set but PROVISIO_WEBHOOK_URL is not");
            }
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (URISyntaxException e) {
            throw new ConfigException(label("PROVISIO_WEBHOOK_URL") + " is not a URL: '" + url.get() + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new ConfigException(label("PROVISIO_WEBHOOK_URL") + " must be an http:// or https:// URL, got '" + url.get() + "'");
        }
        if (secret.isEmpty() || secret.get().length() < 16) {
            throw new ConfigException(label("PROVISIO_WEBHOOK_SECRET") + " must be set, at least 16 characters, when "
                    + "PROVISIO_WEBHOOK_URL is");
        }
        return Optional.of(new WebhookSettings(uri, secret.get()));
    }

    /** {@code PROVISIO_LOG_INVITATION_LINKS}: {@code masked} (the default) or {@code full}. */
    private boolean invitationLinks() {
        String text = string("PROVISIO_LOG_INVITATION_LINKS").orElse("masked").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "masked" -> false;
            case "full" -> true;
            default -> throw new ConfigException(label("PROVISIO_LOG_INVITATION_LINKS") + " must be masked or full, got '"
                    + text + "'");
        };
    }

    private SmtpSettings.Tls tls() {
        String text = string("PROVISIO_SMTP_TLS").orElse("starttls");
        try {
            return SmtpSettings.Tls.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(label("PROVISIO_SMTP_TLS") + " must be starttls, tls or none, got '" + text + "'");
        }
    }

    /**
     * How an error names a setting: {@code -Dprovisio.port} when the value came from that system
     * property, else the variable ({@code PROVISIO_PORT}).
     */
    String label(String variable) {
        String property = property(variable);
        String v = properties.getProperty(property);
        return v != null && !v.isBlank() ? "-D" + property : variable;
    }

    private static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The raw value: system property first, then environment; blank counts as unset. */
    Optional<String> string(String variable) {
        String property = property(variable);
        String v = properties.getProperty(property);
        if (v == null) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private int integer(String variable, int absent) {
        long v = longValue(variable, absent);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ConfigException(label(variable) + " is out of range: " + v);
        }
        return (int) v;
    }

    private long longValue(String variable, long absent) {
        Optional<String> text = string(variable);
        if (text.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(label(variable) + " must be a whole number, got '" + text.get() + "'");
        }
    }

    private Duration duration(String variable, Duration absent) {
        Optional<String> text = string(variable);
        if (text.isEmpty()) {
            return absent;
        }
        Duration d;
        try {
            d = Duration.parse(text.get().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigException(label(variable) + " must be an ISO-8601 duration such as P30D or PT1H, got '"
                    + text.get() + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(label(variable) + " must be a positive duration, got '" + text.get() + "'");
        }
        return d;
    }
}
