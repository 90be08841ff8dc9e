package org.provisio.spring.boot;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code provisio.*} properties of a Spring Boot product. Every value is checked when it is bound,
 * so a bad one stops start-up naming the property.
 *
 * <pre>
 * provisio.base-path=/provisio                         # SCIM at {base-path}/scim/v2/{tenantId}
 * provisio.public-url=https://app.example.com/provisio # what identity providers reach; default http://localhost:{port}{context-path}{base-path}
 * provisio.admin-token=${PROVISIO_ADMIN_TOKEN}         # unset: no admin API
 * provisio.store=jdbc                                  # the product's DataSource; or memory
 * provisio.retention=P30D
 * provisio.invitation-ttl=P7D
 * provisio.purge-interval=PT1H
 * provisio.outbox-max-attempts=12
 * provisio.max-payload-size=1MB
 * provisio.credential-cache.enabled=true
 * provisio.credential-cache.revalidate-after=PT5S
 * provisio.credential-cache.maximum-size=10000
 * provisio.jobs.enabled=true
 * provisio.jobs.dispatch-interval=PT2S
 * </pre>
 *
 * @param basePath       where the Provisio servlet is mounted, beside the product's own servlets
 *                       ({@code /provisio}; {@code /} takes every path the product does not map more precisely)
 * @param publicUrl      the base URL clients reach Provisio at, path prefix included; unset: derived from the
 *                       port actually bound, the servlet context path and {@code basePath}
 * @param adminToken     the bearer token of the admin API ({@code {base-path}/admin/v1}), at least 16
 *                       characters; unset: no admin API
 * @param store          where users are kept: {@link StoreKind#JDBC} (the product's {@code DataSource}) or
 *                       {@link StoreKind#MEMORY} (lost at every restart: tests and demos)
 * @param retention      how long a soft-deleted user can be restored before it is purged
 * @param invitationTtl  how long an invitation link stays valid
 * @param purgeInterval  how often users whose retention has ended are purged
 * @param outboxMaxAttempts delivery attempts of an invitation or an event before it is parked
 * @param maxPayloadSize the largest SCIM request body; larger ones get 413
 * @param credentialCache how verified SCIM credentials are cached between requests
 * @param jobs           the background jobs of this instance
 */
@ConfigurationProperties("provisio")
public record ProvisioProperties(
        @DefaultValue("/provisio") String basePath,
        Optional<String> publicUrl,
        Optional<String> adminToken,
        @DefaultValue("jdbc") StoreKind store,
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("P7D") Duration invitationTtl,
        @DefaultValue("PT1H") Duration purgeInterval,
        @DefaultValue("12") int outboxMaxAttempts,
        @DefaultValue("1MB") DataSize maxPayloadSize,
        @DefaultValue CredentialCache credentialCache,
        @DefaultValue Jobs jobs) {

    /** The minimum length of {@code provisio.admin-token}, as for the reference server. */
    public static final int MIN_ADMIN_TOKEN = 16;

    public ProvisioProperties {
        if (basePath == null || !basePath.startsWith("/")) {
            throw new IllegalArgumentException("provisio.base-path must start with / (got '" + basePath + "')");
        }
        basePath = basePath.length() > 1 && basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1)
                : basePath;
        publicUrl = publicUrl == null ? Optional.empty() : publicUrl.filter(url -> !url.isBlank());
        publicUrl.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("provisio.public-url must be an http(s) URL (got '" + url + "')");
            }
        });
        adminToken = adminToken == null ? Optional.empty() : adminToken.filter(token -> !token.isBlank());
        adminToken.ifPresent(token -> {
            if (token.length() < MIN_ADMIN_TOKEN) {
                throw new IllegalArgumentException("provisio.admin-token must have at least " + MIN_ADMIN_TOKEN
                        + " characters");
            }
        });
        positive(retention, "provisio.retention");
        positive(invitationTtl, "provisio.invitation-ttl");
        positive(purgeInterval, "provisio.purge-interval");
        if (outboxMaxAttempts < 1) {
            throw new IllegalArgumentException("provisio.outbox-max-attempts must be positive");
        }
        if (maxPayloadSize.toBytes() < 1) {
            throw new IllegalArgumentException("provisio.max-payload-size must be positive");
        }
    }

    /** Where Provisio keeps its data. */
    public enum StoreKind {
        /** The product's {@code DataSource}, through {@code JdbcStore.open(DataSource)} (H2 or PostgreSQL). */
        JDBC,
        /** In memory: everything is lost when the application stops. */
        MEMORY
    }

    /**
     * The in-process cache of verified SCIM credentials, which saves a database read per SCIM request.
     *
     * @param enabled         whether verified credentials are cached at all
     * @param revalidateAfter how long a cached credential is trusted: the longest a credential revoked by
     *                        another instance on the same database stays usable here
     * @param maximumSize     the most credentials (unknown ones included) kept
     */
    public record CredentialCache(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("PT5S") Duration revalidateAfter,
                                  @DefaultValue("10000") int maximumSize) {
        public CredentialCache {
            positive(revalidateAfter, "provisio.credential-cache.revalidate-after");
            if (maximumSize < 1) {
                throw new IllegalArgumentException("provisio.credential-cache.maximum-size must be positive");
            }
        }
    }

    /**
     * The retention purge, the outbox dispatcher and the writing of credential uses.
     *
     * @param enabled          whether this instance runs them; safe on several instances sharing one
     *                         database, and off on every instance no user is ever purged and no invitation
     *                         or event is ever delivered
     * @param dispatchInterval how long the outbox dispatcher rests when there is nothing to deliver
     */
    public record Jobs(@DefaultValue("true") boolean enabled,
                       @DefaultValue("PT2S") Duration dispatchInterval) {
        public Jobs {
            positive(dispatchInterval, "provisio.jobs.dispatch-interval");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration (got " + d + ")");
        }
    }
}
