package org.provisio.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The reference server's configuration, one component per variable of DESIGN.md's table; see
 * {@link ConfigLoader} for where the values come from and how each is checked.
 */
public record ServerConfig(
        int port,
        String bind,
        String publicUrl,
        String dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> adminToken,
        Duration retention,
        Duration purgeInterval,
        Duration invitationTtl,
        long maxPayloadSize,
        Optional<SmtpSettings> smtp,
        Optional<WebhookSettings> webhook,
        int outboxMaxAttempts,
        boolean logFullInvitationLinks,
        int maxAttributeValues,
        int maxUserSize,
        boolean publicUrlDefaulted,
        Duration auditRetention,
        int bulkMaxOperations,
        int httpThreads,
        OperationsSettings operations,
        int dbPoolSize) {

    /** Whether the in-memory store was asked for ({@code PROVISIO_DB_URL=memory}). */
    public boolean inMemory() {
        return dbUrl.equalsIgnoreCase("memory");
    }

    /** This configuration with another public URL (the one of the port actually bound). */
    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(port, bind, url, dbUrl, dbUser, dbPassword, adminToken, retention, purgeInterval,
                invitationTtl, maxPayloadSize, smtp, webhook, outboxMaxAttempts, logFullInvitationLinks,
                maxAttributeValues, maxUserSize, false, auditRetention, bulkMaxOperations, httpThreads, operations, dbPoolSize);
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
                + ", outboxMaxAttempts=" + outboxMaxAttempts + ", logFullInvitationLinks=" + logFullInvitationLinks
                + ", maxAttributeValues=" + maxAttributeValues
                + ", maxUserSize=" + maxUserSize + ", auditRetention=" + auditRetention
                + ", bulkMaxOperations=" + bulkMaxOperations + ", httpThreads=" + httpThreads
                + ", operations=" + operations + ", dbPoolSize=" + dbPoolSize + "]";
    }
}
