package org.provisio.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference server's configuration, one component per variable of DESIGN.md's table; see
 * {@link ConfigLoader} for where the values come from. Constraint messages name the variable,
 * because they are what an operator reads when start-up stops.
 */
public record ServerConfig(
        @Min(value = 0, message = "PROVISIO_PORT must be between 0 and 65535")
        @Max(value = 65535, message = "PROVISIO_PORT must be between 0 and 65535") int port,
        @NotBlank(message = "PROVISIO_BIND must not be blank") String bind,
        @NotNull @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?",
                message = "PROVISIO_PUBLIC_URL must be an http:// or https:// URL without query or fragment")
        String publicUrl,
        @NotBlank(message = "PROVISIO_DB_URL must not be blank") String dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<@Size(min = 16, message = "PROVISIO_ADMIN_TOKEN must be at least 16 characters") String> adminToken,
        @NotNull Duration retention,
        @NotNull Duration purgeInterval,
        @NotNull Duration invitationTtl,
        @Min(value = 1024, message = "PROVISIO_MAX_PAYLOAD_SIZE must be at least 1024 bytes")
        @Max(value = 104_857_600, message = "PROVISIO_MAX_PAYLOAD_SIZE must be at most 100 MiB") long maxPayloadSize,
        Optional<@Valid SmtpSettings> smtp,
        Optional<WebhookSettings> webhook,
        @Min(value = 1, message = "PROVISIO_OUTBOX_MAX_ATTEMPTS must be between 1 and 100")
        @Max(value = 100, message = "PROVISIO_OUTBOX_MAX_ATTEMPTS must be between 1 and 100") int outboxMaxAttempts,
        boolean logFullInvitationLinks) {

    /** Whether the in-memory store was asked for ({@code PROVISIO_DB_URL=memory}). */
    public boolean inMemory() {
        return dbUrl.equalsIgnoreCase("memory");
    }

    /** The SCIM base URL of a tenant: {@code {publicUrl}/scim/v2/{tenantId}}. */
    public String tenantUrl(String tenantId) {
        return publicUrl + "/scim/v2/" + tenantId;
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", bind=" + bind + ", publicUrl=" + publicUrl
                + ", dbUrl=" + dbUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", dbUser=" + dbUser.orElse("-")
                + ", retention=" + retention + ", purgeInterval=" + purgeInterval + ", invitationTtl=" + invitationTtl
                + ", maxPayloadSize=" + maxPayloadSize + ", smtp=" + smtp.map(Object::toString).orElse("off")
                + ", webhook=" + webhook.map(w -> w.url().toString()).orElse("off")
                + ", outboxMaxAttempts=" + outboxMaxAttempts + ", logFullInvitationLinks=" + logFullInvitationLinks + "]";
    }
}
