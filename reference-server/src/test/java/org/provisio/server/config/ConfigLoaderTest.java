package org.provisio.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configuration from environment variables and {@code -D} properties: DESIGN.md's defaults, and
 * every bad value a one-line {@link ConfigException} that starts with the variable's name.
 */
class ConfigLoaderTest {
    private static ServerConfig load(Map<String, String> env) {
        return new ConfigLoader(env, new Properties()).load();
    }

    private static Properties properties(String... namesAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return p;
    }

    /** A set of variables with one bad value, and the variable the error must name. */
    record Bad(String variable, Map<String, String> env) {
        Bad(String variable, String value) {
            this(variable, Map.of(variable, value));
        }

        @Override
        public String toString() {
            return env.toString();
        }
    }

    static Stream<Bad> badValues() {
        String host = "PROVISIO_SMTP_HOST";
        return Stream.of(
                new Bad("PROVISIO_PORT", "abc"),
                new Bad("PROVISIO_PORT", "70000"),
                new Bad("PROVISIO_PORT", "65536"),
                new Bad("PROVISIO_PORT", "-1"),
                new Bad("PROVISIO_PORT", "8080.5"),
                new Bad("PROVISIO_PORT", "99999999999"),
                new Bad("PROVISIO_PORT", "99999999999999999999999"),
                new Bad("PROVISIO_BIND", "not-an-address.invalid"),
                new Bad("PROVISIO_PUBLIC_URL", "ftp://x"),
                new Bad("PROVISIO_PUBLIC_URL", "http://x/?q"),
                new Bad("PROVISIO_PUBLIC_URL", "https://id.example.com/scim?tenant=1"),
                new Bad("PROVISIO_PUBLIC_URL", "https://id.example.com/#top"),
                new Bad("PROVISIO_PUBLIC_URL", "id.example.com"),
                new Bad("PROVISIO_PUBLIC_URL", "http://"),
                new Bad("PROVISIO_PUBLIC_URL", "http://exa mple.com"),
                new Bad("PROVISIO_DB_URL", "mysql://db.example.com/provisio"),
                new Bad("PROVISIO_DB_URL", "jdbc:mysql://db.example.com/provisio"),
                new Bad("PROVISIO_DB_URL", "h2:file:./data"),
                new Bad("PROVISIO_RETENTION", "30 days"),
                new Bad("PROVISIO_RETENTION", "P0D"),
                new Bad("PROVISIO_RETENTION", "-P1D"),
                new Bad("PROVISIO_RETENTION", "P1Y"),
                new Bad("PROVISIO_RETENTION", "30"),
                new Bad("PROVISIO_PURGE_INTERVAL", "1h"),
                new Bad("PROVISIO_PURGE_INTERVAL", "PT0S"),
                new Bad("PROVISIO_PURGE_INTERVAL", "-PT1H"),
                new Bad("PROVISIO_INVITATION_TTL", "7d"),
                new Bad("PROVISIO_INVITATION_TTL", "P0D"),
                new Bad("PROVISIO_INVITATION_TTL", "-P7D"),
                new Bad("PROVISIO_ADMIN_TOKEN", "short"),
                new Bad("PROVISIO_ADMIN_TOKEN", "fifteen-chars-x"),
                new Bad("PROVISIO_MAX_PAYLOAD_SIZE", "10"),
                new Bad("PROVISIO_MAX_PAYLOAD_SIZE", "0"),
                new Bad("PROVISIO_MAX_PAYLOAD_SIZE", "1MB"),
                new Bad("PROVISIO_MAX_PAYLOAD_SIZE", "104857601"),
                new Bad("PROVISIO_OUTBOX_MAX_ATTEMPTS", "0"),
                new Bad("PROVISIO_OUTBOX_MAX_ATTEMPTS", "101"),
                new Bad("PROVISIO_OUTBOX_MAX_ATTEMPTS", "twelve"),
                new Bad("PROVISIO_WEBHOOK_URL", "ftp://hooks.example.com/x"),
                new Bad("PROVISIO_WEBHOOK_URL", "not a url"),
                new Bad("PROVISIO_WEBHOOK_SECRET", "0123456789abcdef"),
                new Bad("PROVISIO_SMTP_PORT", "25"),
                new Bad("PROVISIO_SMTP_USER", "mailer"),
                new Bad("PROVISIO_SMTP_PASSWORD", "hunter2"),
                new Bad("PROVISIO_SMTP_FROM", "provisio@example.com"),
                new Bad("PROVISIO_SMTP_TLS", "tls"),
                new Bad("PROVISIO_SMTP_TLS", Map.of(host, "smtp.example.com", "PROVISIO_SMTP_TLS", "bogus")),
                new Bad("PROVISIO_SMTP_PORT", Map.of(host, "smtp.example.com", "PROVISIO_SMTP_PORT", "abc")),
                new Bad("PROVISIO_SMTP_PORT", Map.of(host, "smtp.example.com", "PROVISIO_SMTP_PORT", "0")),
                new Bad("PROVISIO_SMTP_PORT", Map.of(host, "smtp.example.com", "PROVISIO_SMTP_PORT", "65536")),
                new Bad("PROVISIO_LOG_INVITATION_LINKS", "yes"),
                new Bad("PROVISIO_MAX_ATTRIBUTE_VALUES", "0"),
                new Bad("PROVISIO_MAX_ATTRIBUTE_VALUES", "many"),
                new Bad("PROVISIO_MAX_USER_SIZE", "999"),
                new Bad("PROVISIO_MAX_USER_SIZE", "10000001"),
                new Bad("PROVISIO_AUDIT_RETENTION", "400 days"),
                new Bad("PROVISIO_AUDIT_RETENTION", "P0D"),
                new Bad("PROVISIO_BULK_MAX_OPERATIONS", "0"),
                new Bad("PROVISIO_BULK_MAX_OPERATIONS", "many"),
                new Bad("PROVISIO_HTTP_THREADS", "1"),
                new Bad("PROVISIO_HTTP_THREADS", "5000"),
                new Bad("PROVISIO_METRICS_TOKEN", "short"),
                new Bad("PROVISIO_DB_POOL_SIZE", "0"),
                new Bad("PROVISIO_DB_POOL_SIZE", "lots"),
                new Bad("PROVISIO_RATE_LIMIT", "-1"),
                new Bad("PROVISIO_RATE_LIMIT", "fast"),
                new Bad("PROVISIO_RATE_LIMIT", "NaN"),
                new Bad("PROVISIO_RATE_BURST", Map.of("PROVISIO_RATE_BURST", "10")),
                new Bad("PROVISIO_RATE_BURST", Map.of("PROVISIO_RATE_LIMIT", "5", "PROVISIO_RATE_BURST", "0")),
                new Bad("PROVISIO_AUTH_FAILURE_LIMIT", "-3"),
                new Bad("PROVISIO_LOG_FORMAT", "xml"),
                new Bad("PROVISIO_SHUTDOWN_DRAIN", "10s"),
                new Bad("PROVISIO_SHUTDOWN_DRAIN", "-PT1S"),
                new Bad("PROVISIO_SHUTDOWN_DRAIN", "PT6M"),
                new Bad("PROVISIO_TLS_CERT", "/nonexistent/cert.pem"),
                new Bad("PROVISIO_TLS_KEYSTORE", "/nonexistent/keystore.p12"),
                new Bad("PROVISIO_TLS_KEYSTORE_PASSWORD", "secret"),
                new Bad("PROVISIO_TLS_KEY", Map.of("PROVISIO_TLS_KEY", "pom.xml")),
                new Bad("PROVISIO_TLS_KEYSTORE", Map.of("PROVISIO_TLS_KEYSTORE", "pom.xml", "PROVISIO_TLS_CERT", "pom.xml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueStopsStartUpWithOneLineNamingTheVariable(Bad bad) {
        assertThatThrownBy(() -> load(bad.env()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(bad.variable() + " ");
                    assertThat(e.getMessage()).doesNotContain("\n", "\r");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueGivenAsASystemPropertyIsRefusedToo(Bad bad) {
        Properties p = new Properties();
        bad.env().forEach((k, v) -> p.setProperty(k.toLowerCase(java.util.Locale.ROOT).replace('_', '.'), v));
        // the line names the setting as the operator gave it: -Dprovisio.port, not PROVISIO_PORT
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), p).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("-D" + bad.variable().toLowerCase(java.util.Locale.ROOT).replace('_', '.') + " ");
    }

    @Test
    void noSecretIsRepeatedInAnError() {
        assertThatThrownBy(() -> load(Map.of("PROVISIO_DB_URL", "jdbc:mysql://db/provisio?user=u&password=s3cr3t-pw")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("PROVISIO_DB_URL ").doesNotContain("s3cr3t-pw"));
        assertThatThrownBy(() -> load(Map.of("PROVISIO_ADMIN_TOKEN", "tiny-secret")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tiny-secret"));
    }

    @Test
    void withNoVariablesTheDefaultsOfTheDesign() {
        ServerConfig config = load(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:file:./provisio-data/provisio");
        assertThat(config.inMemory()).isFalse();
        assertThat(config.dbUser()).isEmpty();
        assertThat(config.dbPassword()).isEmpty();
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.invitationTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.maxPayloadSize()).isEqualTo(1_048_576);
        assertThat(config.smtp()).isEmpty();
        assertThat(config.tenantUrl("t1")).isEqualTo("http://localhost:8080/scim/v2/t1");
        assertThat(config.logFullInvitationLinks()).isFalse();
        assertThat(config.maxAttributeValues()).isEqualTo(100);
        assertThat(config.maxUserSize()).isEqualTo(100_000);
        assertThat(config.publicUrlDefaulted()).isTrue();
        assertThat(config.auditRetention()).isEqualTo(Duration.ofDays(400));
        assertThat(config.bulkMaxOperations()).isEqualTo(1000);
        assertThat(config.httpThreads()).isEqualTo(32);
        assertThat(config.operations()).isEqualTo(OperationsSettings.defaults());
        assertThat(config.dbPoolSize()).isEqualTo(10);
    }

    @Test
    void operationsSettingsAreRead() {
        ServerConfig config = load(Map.of("PROVISIO_METRICS_TOKEN", "metrics-token-0123456789",
                "PROVISIO_RATE_LIMIT", "12.5", "PROVISIO_AUTH_FAILURE_LIMIT", "0", "PROVISIO_LOG_FORMAT", "JSON",
                "PROVISIO_TLS_CERT", "pom.xml", "PROVISIO_TLS_KEY", "pom.xml"));
        OperationsSettings ops = config.operations();
        assertThat(ops.metricsToken()).hasValue("metrics-token-0123456789");
        assertThat(ops.rateLimit()).isEqualTo(12.5);
        assertThat(ops.rateBurst()).as("twice the rate by default").isEqualTo(25);
        assertThat(ops.authFailureLimit()).isZero();
        assertThat(ops.logFormat()).isEqualTo(OperationsSettings.LogFormat.JSON);
        assertThat(ops.tls()).hasValue(new TlsSettings.Pem(java.nio.file.Path.of("pom.xml"), java.nio.file.Path.of("pom.xml")));
        assertThat(config.publicUrl()).as("TLS makes the default public URL https").isEqualTo("https://localhost:8080");
        assertThat(config.toString()).doesNotContain("metrics-token-0123456789");
        assertThat(load(Map.of("PROVISIO_TLS_KEYSTORE", "pom.xml", "PROVISIO_TLS_KEYSTORE_PASSWORD", "pw")).operations()
                .tls()).hasValue(new TlsSettings.Pkcs12(java.nio.file.Path.of("pom.xml"), java.util.Optional.of("pw")));
        assertThat(load(Map.of("PROVISIO_RATE_LIMIT", "5", "PROVISIO_RATE_BURST", "50")).operations().rateBurst())
                .isEqualTo(50);
        assertThat(load(Map.of("PROVISIO_SHUTDOWN_DRAIN", "pt15s")).operations().shutdownDrain())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(load(Map.of("PROVISIO_SHUTDOWN_DRAIN", "PT0S")).operations().shutdownDrain()).isZero();
    }

    @Test
    void smtpDefaultsToPort587AndAFromAddressOnLocalhost() {
        SmtpSettings smtp = load(Map.of("PROVISIO_SMTP_HOST", "smtp.example.com")).smtp().orElseThrow();
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.from()).isEqualTo("provisio@localhost");
        assertThat(smtp.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS);
        assertThat(smtp.user()).isEmpty();
    }

    @Test
    void withPortZeroThePublicUrlIsTheBoundOnesUnlessGiven() {
        assertThat(load(Map.of("PROVISIO_PORT", "0")).publicUrlDefaulted()).isTrue();
        ServerConfig given = load(Map.of("PROVISIO_PORT", "0", "PROVISIO_PUBLIC_URL", "https://id.example.com"));
        assertThat(given.publicUrlDefaulted()).isFalse();
        assertThat(given.withPublicUrl("http://localhost:41234").publicUrl()).isEqualTo("http://localhost:41234");
    }

    @Test
    void blankValuesCountAsUnset() {
        ServerConfig config = load(Map.of("PROVISIO_PORT", "  ", "PROVISIO_RETENTION", "", "PROVISIO_ADMIN_TOKEN", " "));
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.adminToken()).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        ServerConfig config = load(Map.ofEntries(
                Map.entry("PROVISIO_PORT", " 9000 "),
                Map.entry("PROVISIO_BIND", "0.0.0.0"),
                Map.entry("PROVISIO_PUBLIC_URL", "https://id.example.com/provisio"),
                Map.entry("PROVISIO_DB_URL", "jdbc:postgresql://db.example.com/provisio"),
                Map.entry("PROVISIO_DB_USER", "provisio"),
                Map.entry("PROVISIO_DB_PASSWORD", "db-password"),
                Map.entry("PROVISIO_ADMIN_TOKEN", "admin-token-of-the-operator"),
                Map.entry("PROVISIO_RETENTION", "p90d"),
                Map.entry("PROVISIO_PURGE_INTERVAL", "PT15M"),
                Map.entry("PROVISIO_INVITATION_TTL", "P14D"),
                Map.entry("PROVISIO_MAX_PAYLOAD_SIZE", "2048"),
                Map.entry("PROVISIO_OUTBOX_MAX_ATTEMPTS", "5"),
                Map.entry("PROVISIO_WEBHOOK_URL", "https://hooks.example.com/provisio"),
                Map.entry("PROVISIO_WEBHOOK_SECRET", "webhook-secret-0123456789"),
                Map.entry("PROVISIO_SMTP_HOST", "smtp.example.com"),
                Map.entry("PROVISIO_SMTP_PORT", "2525"),
                Map.entry("PROVISIO_SMTP_FROM", "provisioning@example.com"),
                Map.entry("PROVISIO_LOG_INVITATION_LINKS", "FULL"),
                Map.entry("PROVISIO_MAX_ATTRIBUTE_VALUES", "250"),
                Map.entry("PROVISIO_MAX_USER_SIZE", "50000"),
                Map.entry("PROVISIO_AUDIT_RETENTION", "P730D"),
                Map.entry("PROVISIO_BULK_MAX_OPERATIONS", "50"),
                Map.entry("PROVISIO_HTTP_THREADS", "64"),
                Map.entry("PROVISIO_DB_POOL_SIZE", "25"),
                Map.entry("PROVISIO_SMTP_USER", "mailer"),
                Map.entry("PROVISIO_SMTP_PASSWORD", "smtp-password"),
                Map.entry("PROVISIO_SMTP_TLS", "TLS")));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.publicUrl()).isEqualTo("https://id.example.com/provisio");
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db.example.com/provisio");
        assertThat(config.dbUser()).hasValue("provisio");
        assertThat(config.dbPassword()).hasValue("db-password");
        assertThat(config.adminToken()).hasValue("admin-token-of-the-operator");
        assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(config.purgeInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.invitationTtl()).isEqualTo(Duration.ofDays(14));
        assertThat(config.maxPayloadSize()).isEqualTo(2048);
        assertThat(config.outboxMaxAttempts()).isEqualTo(5);
        assertThat(config.webhook().orElseThrow().url()).hasToString("https://hooks.example.com/provisio");
        SmtpSettings smtp = config.smtp().orElseThrow();
        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(2525);
        assertThat(smtp.user()).hasValue("mailer");
        assertThat(smtp.password()).hasValue("smtp-password");
        assertThat(smtp.from()).isEqualTo("provisioning@example.com");
        assertThat(config.logFullInvitationLinks()).isTrue();
        assertThat(config.maxAttributeValues()).isEqualTo(250);
        assertThat(config.maxUserSize()).isEqualTo(50_000);
        assertThat(config.publicUrlDefaulted()).isFalse();
        assertThat(config.auditRetention()).isEqualTo(Duration.ofDays(730));
        assertThat(config.bulkMaxOperations()).isEqualTo(50);
        assertThat(config.httpThreads()).isEqualTo(64);
        assertThat(config.dbPoolSize()).isEqualTo(25);
        assertThat(smtp.tls()).isEqualTo(SmtpSettings.Tls.TLS);
        assertThat(config.toString()).doesNotContain("db-password", "admin-token-of-the-operator", "smtp-password",
                "webhook-secret-0123456789");
    }

    @Test
    void theMemoryStoreAndH2AreAccepted() {
        assertThat(load(Map.of("PROVISIO_DB_URL", "memory")).inMemory()).isTrue();
        assertThat(load(Map.of("PROVISIO_DB_URL", "MEMORY")).inMemory()).isTrue();
        assertThat(load(Map.of("PROVISIO_DB_URL", "jdbc:h2:mem:test")).dbUrl()).isEqualTo("jdbc:h2:mem:test");
    }

    @Test
    void thePublicUrlDefaultsToThePortAndLosesItsTrailingSlashes() {
        assertThat(load(Map.of("PROVISIO_PORT", "9000")).publicUrl()).isEqualTo("http://localhost:9000");
        assertThat(load(Map.of("PROVISIO_PUBLIC_URL", "https://id.example.com/")).publicUrl())
                .isEqualTo("https://id.example.com");
        assertThat(load(Map.of("PROVISIO_PUBLIC_URL", "https://id.example.com/provisio//")).publicUrl())
                .isEqualTo("https://id.example.com/provisio");
        assertThat(load(Map.of("PROVISIO_PUBLIC_URL", "http://10.0.0.5:8443")).tenantUrl("t"))
                .isEqualTo("http://10.0.0.5:8443/scim/v2/t");
    }

    @Test
    void aSystemPropertyWinsOverTheVariable() {
        ServerConfig config = new ConfigLoader(Map.of("PROVISIO_PORT", "9000", "PROVISIO_RETENTION", "P10D"),
                properties("provisio.port", "9001")).load();
        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.retention()).isEqualTo(Duration.ofDays(10));
        assertThat(new ConfigLoader(Map.of("PROVISIO_PORT", "abc"), properties("provisio.port", "9002")).load().port())
                .isEqualTo(9002);
        assertThat(new ConfigLoader(Map.of(), properties("provisio.invitation.ttl", "P1D", "provisio.public.url",
                "https://p.example.com/")).load())
                .satisfies(c -> {
                    assertThat(c.invitationTtl()).isEqualTo(Duration.ofDays(1));
                    assertThat(c.publicUrl()).isEqualTo("https://p.example.com");
                });
    }
}
