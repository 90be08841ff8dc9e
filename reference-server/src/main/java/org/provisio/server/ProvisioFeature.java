package org.provisio.server;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.service.Provisioning;
import org.provisio.server.admin.AdminResource;
import org.provisio.server.admin.OutboxAdminResource;
import org.provisio.server.http.AccessFilter;
import org.provisio.server.http.AccessLogFilter;
import org.provisio.server.http.ComplexValueProvider;
import org.provisio.server.http.PayloadLimitFilter;
import org.provisio.server.http.ScimExceptionMapper;
import org.provisio.server.http.UnexpectedExceptionMapper;
import org.provisio.server.http.WebApplicationExceptionMapper;
import org.provisio.server.invitation.InvitationResource;
import org.provisio.server.scim.DiscoveryResource;
import org.provisio.server.scim.GroupsResource;
import org.provisio.server.scim.UsersResource;

/**
 * Provisio's HTTP surface as one JAX-RS {@link Feature}, so that a product's own Jersey
 * application can mount it beside its resources:
 *
 * <pre>{@code
 * Provisioning provisioning = Provisioning.builder(InMemoryStore.create()).build();
 * ResourceConfig app = new ResourceConfig()
 *     .register(new MyProductResource())
 *     .register(ProvisioFeature.builder(provisioning, "https://id.example.com").build());
 * }</pre>
 *
 * It registers the SCIM endpoints ({@code /scim/v2/{tenantId}/...}) with their bearer
 * authentication, the invitation acceptance endpoint, and — when an admin token is given — the
 * admin API. By default it maps only its own errors; {@link Builder#standalone()} also maps every
 * other error to the SCIM Error JSON and logs one access line per request, as the reference
 * server does.
 */
public final class ProvisioFeature implements Feature {
    private final Provisioning provisioning;
    private final String publicUrl;
    private final long maxPayloadSize;
    private final Optional<String> adminToken;
    private final boolean standalone;

    private ProvisioFeature(Builder b) {
        this.provisioning = b.provisioning;
        this.publicUrl = b.publicUrl;
        this.maxPayloadSize = b.maxPayloadSize;
        this.adminToken = b.adminToken;
        this.standalone = b.standalone;
    }

    /** A builder for the given domain and the public base URL clients reach the service at. */
    public static Builder builder(Provisioning provisioning, String publicUrl) {
        return new Builder(provisioning, publicUrl);
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new ComplexValueProvider(maxPayloadSize));
        context.register(new PayloadLimitFilter(maxPayloadSize));
        context.register(new ScimExceptionMapper());
        context.register(new AccessFilter(provisioning.authenticateCredential(), adminToken));
        context.register(new UsersResource(provisioning, publicUrl));
        context.register(new GroupsResource(provisioning, publicUrl));
        context.register(new DiscoveryResource(publicUrl, provisioning.schemas(), List.of("User", "Group"),
                maxPayloadSize));
        context.register(new InvitationResource(provisioning));
        adminToken.ifPresent(token -> {
            context.register(new AdminResource(provisioning, publicUrl));
            context.register(new OutboxAdminResource(provisioning.outboxStatus()));
        });
        if (standalone) {
            context.register(new WebApplicationExceptionMapper());
            context.register(new UnexpectedExceptionMapper());
            context.register(new AccessLogFilter());
        }
        return true;
    }

    /** Configures a {@link ProvisioFeature}. */
    public static final class Builder {
        private final Provisioning provisioning;
        private final String publicUrl;
        private long maxPayloadSize = 1_048_576;
        private Optional<String> adminToken = Optional.empty();
        private boolean standalone;

        private Builder(Provisioning provisioning, String publicUrl) {
            this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
            String url = Objects.requireNonNull(publicUrl, "publicUrl");
            this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
        public Builder maxPayloadSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxPayloadSize must be positive");
            }
            this.maxPayloadSize = bytes;
            return this;
        }

        /** Serves the admin API at {@code /admin/v1}, protected by this token. */
        public Builder adminToken(String token) {
            this.adminToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /** Maps every error to SCIM Error JSON and logs access lines: for an application of its own. */
        public Builder standalone() {
            this.standalone = true;
            return this;
        }

        public ProvisioFeature build() {
            return new ProvisioFeature(this);
        }
    }
}
