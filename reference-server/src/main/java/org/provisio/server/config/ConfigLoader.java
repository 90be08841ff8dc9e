package org.provisio.server.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads {@link ServerConfig} from environment variables ({@code PROVISIO_PORT}) and system
 * properties ({@code -Dprovisio.port}); a system property wins over the variable of the same
 * name. Every value is parsed and validated; the first bad one stops start-up with a
 * {@link ConfigException} whose message is one line naming the variable. Nothing falls back
 * silently.
 */
public final class ConfigLoader {
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
        int port = integer("PROVISIO_PORT", 8080);
        String bind = string("PROVISIO_BIND").orElse("127.0.0.1");
        String publicUrl = string("PROVISIO_PUBLIC_URL").orElse("http://localhost:" + port);
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        String dbUrl = string("PROVISIO_DB_URL").orElse("jdbc:h2:file:./provisio-data/provisio");
        if (!dbUrl.equalsIgnoreCase("memory") && !dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("PROVISIO_DB_URL must be 'memory', a jdbc:h2: URL or a jdbc:postgresql: URL, got '"
                    + dbUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + "'");
        }
        Optional<SmtpSettings> smtp = string("PROVISIO_SMTP_HOST").map(host -> new SmtpSettings(
                host,
                integer("PROVISIO_SMTP_PORT", 587),
                string("PROVISIO_SMTP_USER"),
                string("PROVISIO_SMTP_PASSWORD"),
                string("PROVISIO_SMTP_FROM").orElse("provisio@localhost"),
                tls()));
        if (smtp.isEmpty()) {
            for (String dependent : new String[]{"PROVISIO_SMTP_PORT", "PROVISIO_SMTP_USER", "PROVISIO_SMTP_PASSWORD",
                    "PROVISIO_SMTP_FROM", "PROVISIO_SMTP_TLS"}) {
                if (string(dependent).isPresent()) {
                    throw new ConfigException(dependent + " is set but PROVISIO_SMTP_HOST is not");
                }
            }
        }
        ServerConfig config = new ServerConfig(
                port, bind, publicUrl, dbUrl,
                string("PROVISIO_DB_USER"), string("PROVISIO_DB_PASSWORD"),
                string("PROVISIO_ADMIN_TOKEN"),
                duration("PROVISIO_RETENTION", Duration.ofDays(30)),
                duration("PROVISIO_PURGE_INTERVAL", Duration.ofHours(1)),
                duration("PROVISIO_INVITATION_TTL", Duration.ofDays(7)),
                longValue("PROVISIO_MAX_PAYLOAD_SIZE", 1_048_576),
                smtp,
                webhook(),
                integer("PROVISIO_OUTBOX_MAX_ATTEMPTS", 12),
                invitationLinks());
        validate(config);
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("PROVISIO_BIND is not an address of this machine: '" + bind + "'");
        }
        return config;
    }

    private static void validate(ServerConfig config) {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Set<ConstraintViolation<ServerConfig>> violations = factory.getValidator().validate(config);
            violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .ifPresent(v -> {
                        String message = v.getMessage();
                        if (!message.startsWith("PROVISIO_")) {
                            message = variableOf(v.getPropertyPath().toString()) + " " + message;
                        }
                        throw new ConfigException(message);
                    });
        }
    }

    private static String variableOf(String propertyPath) {
        String leaf = propertyPath.replaceAll("<[^>]*>", "").replaceAll(".*\\.", "");
        return "PROVISIO_" + leaf.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private Optional<WebhookSettings> webhook() {
        Optional<String> url = string("PROVISIO_WEBHOOK_URL");
        Optional<String> secret = string("PROVISIO_WEBHOOK_SECRET");
        if (url.isEmpty()) {
            if (secret.isPresent()) {
                throw new ConfigException("PROVISIO_WEBHOOK_SECRET is set but PROVISIO_WEBHOOK_URL is not");
            }
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (URISyntaxException e) {
            throw new ConfigException("PROVISIO_WEBHOOK_URL is not a URL: '" + url.get() + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new ConfigException("PROVISIO_WEBHOOK_URL must be an http:// or https:// URL, got '" + url.get() + "'");
        }
        if (secret.isEmpty() || secret.get().length() < 16) {
            throw new ConfigException("PROVISIO_WEBHOOK_SECRET must be set, at least 16 characters, when "
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
            default -> throw new ConfigException("PROVISIO_LOG_INVITATION_LINKS must be masked or full, got '"
                    + text + "'");
        };
    }

    private SmtpSettings.Tls tls() {
        String text = string("PROVISIO_SMTP_TLS").orElse("starttls");
        try {
            return SmtpSettings.Tls.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PROVISIO_SMTP_TLS must be starttls, tls or none, got '" + text + "'");
        }
    }

    /** The raw value: system property first, then environment; blank counts as unset. */
    Optional<String> string(String variable) {
        String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        String v = properties.getProperty(property);
        if (v == null) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private int integer(String variable, int absent) {
        long v = longValue(variable, absent);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ConfigException(variable + " is out of range: " + v);
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
            throw new ConfigException(variable + " must be a whole number, got '" + text.get() + "'");
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
            throw new ConfigException(variable + " must be an ISO-8601 duration such as P30D or PT1H, got '"
                    + text.get() + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(variable + " must be a positive duration, got '" + text.get() + "'");
        }
        return d;
    }
}
