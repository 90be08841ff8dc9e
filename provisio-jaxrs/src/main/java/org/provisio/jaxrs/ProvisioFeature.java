package org.provisio.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.provisio.jaxrs.admin.AdminKeysResource;
import org.provisio.jaxrs.admin.TenantResource;
import org.provisio.jaxrs.http.Realm;
import org.provisio.jaxrs.http.RealmGuard;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.provisio.domain.service.Provisioning;
import org.provisio.jaxrs.admin.AuditResource;
import org.provisio.jaxrs.admin.CredentialsResource;
import org.provisio.jaxrs.admin.DeviationsResource;
import org.provisio.jaxrs.admin.TenantUsersResource;
import org.provisio.jaxrs.admin.TenantsResource;
import org.provisio.jaxrs.http.AdminJsonProvider;
import org.provisio.jaxrs.http.JsonExceptionMapper;
import org.provisio.jaxrs.admin.OutboxAdminResource;
import org.provisio.jaxrs.http.AccessFilter;
import org.provisio.jaxrs.http.AccessLimits;
import org.provisio.jaxrs.http.AccessLogFilter;
import org.provisio.jaxrs.http.ComplexValueProvider;
import org.provisio.jaxrs.http.ConformanceFilter;
import org.provisio.jaxrs.http.PayloadLimitFilter;
import org.provisio.jaxrs.http.RequestIdFilter;
import org.provisio.jaxrs.http.ScimExceptionMapper;
import org.provisio.jaxrs.http.UnexpectedExceptionMapper;
import org.provisio.jaxrs.http.WebApplicationExceptionMapper;
import org.provisio.jaxrs.invitation.InvitationResource;
import org.provisio.jaxrs.scim.BulkResource;
import org.provisio.jaxrs.scim.DiscoveryResource;
import org.provisio.jaxrs.scim.GroupsResource;
import org.provisio.jaxrs.scim.RootSearchResource;
import org.provisio.jaxrs.scim.UsersResource;

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
 * other error to the SCIM Error JSON, gives every request an id ({@code X-Request-Id}, also in its
 * log lines and audit entries) and logs one access line per request, as the reference server does.
 */
public final class ProvisioFeature implements Feature {
    private final Provisioning provisioning;
    private final Supplier<String> publicUrl;
    private final long maxPayloadSize;
    private final int maxBulkOperations;
    private final Optional<String> adminToken;
    private final boolean standalone;
    private final Map<Realm, RealmGuard> guards;
    private final List<Object> components;
    private final AccessLimits limits;

    private ProvisioFeature(Builder b) {
        this.guards = Map.copyOf(b.guards);
        this.components = List.copyOf(b.components);
        this.provisioning = b.provisioning;
        this.publicUrl = b.publicUrl;
        this.maxPayloadSize = b.maxPayloadSize;
        this.maxBulkOperations = b.maxBulkOperations;
        this.adminToken = b.adminToken;
        this.standalone = b.standalone;
        this.limits = b.limits;
    }

    /**
     * A builder for the given domain and the public base URL clients reach the service at
     * ({@code https://id.example.com}, or with a path prefix, {@code https://example.com/provisio}):
     * the base of tenant URLs, {@code meta.location} and invitation links.
     */
    public static Builder builder(Provisioning provisioning, String publicUrl) {
        String url = trimmed(Objects.requireNonNull(publicUrl, "publicUrl"));
        return new Builder(provisioning, () -> url);
    }

    /**
     * A builder whose public URL is known only once the server runs — e.g. after binding port 0 —
     * and is asked for at each use.
     */
    public static Builder builder(Provisioning provisioning, Supplier<String> publicUrl) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        return new Builder(provisioning, () -> trimmed(publicUrl.get()));
    }

    private static String trimmed(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    @Override
    public boolean configure(FeatureContext context) {
        Provisioning p = provisioning;
        context.register(new ComplexValueProvider(maxPayloadSize));
        context.register(new PayloadLimitFilter(maxPayloadSize));
        context.register(new ScimExceptionMapper());
        context.register(new AccessFilter(p.authenticateCredential(), p.adminKeys(), adminToken, guards, limits));
        context.register(new ConformanceFilter(p.checkConformance()));
        UsersResource users = new UsersResource(new UsersResource.UseCases(p.provisionUser(), p.replaceUser(),
                p.patchUser(), p.getUser(), p.queryUsers(), p.deleteUser()),
                p.schemas().resourceSchema("User"), publicUrl, p.cursors());
        GroupsResource groups = new GroupsResource(new GroupsResource.UseCases(p.createGroup(), p.getGroup(),
                p.queryGroups(), p.replaceGroup(), p.patchGroup(), p.deleteGroup()),
                p.schemas().resourceSchema("Group"), publicUrl, p.cursors());
        context.register(users);
        context.register(groups);
        context.register(new RootSearchResource(users, p.schemas().resourceSchema("User"), groups,
                p.schemas().resourceSchema("Group")));
        context.register(new BulkResource(new UsersResource.UseCases(p.provisionUser(), p.replaceUser(), p.patchUser(),
                p.getUser(), p.queryUsers(), p.deleteUser()), new GroupsResource.UseCases(p.createGroup(), p.getGroup(),
                p.queryGroups(), p.replaceGroup(), p.patchGroup(), p.deleteGroup()), publicUrl, maxBulkOperations));
        context.register(new DiscoveryResource(publicUrl, p.schemas(), List.of("User", "Group"), maxPayloadSize,
                maxBulkOperations, p.cursors().timeout()));
        context.register(new InvitationResource(p.inspectInvitation(), p.acceptInvitation()));
        if (adminToken.isPresent()) {
            context.register(new AdminJsonProvider());
            context.register(new JsonExceptionMapper());
            context.register(new TenantsResource(p.createTenant(), p.listTenants(), publicUrl));
            context.register(new TenantResource(p.listTenants(), p.updateTenant()));
            context.register(new AdminKeysResource(p.listTenants(), p.adminKeys(), publicUrl));
            context.register(new CredentialsResource(new CredentialsResource.UseCases(p.listTenants(),
                    p.issueCredential(), p.listCredentials(), p.revokeCredential()), publicUrl));
            context.register(new TenantUsersResource(new TenantUsersResource.UseCases(p.listTenants(),
                    p.listUsersByStatus(), p.restoreUser(), p.deleteUser(), p.resendInvitation(), p.exportUser())));
            context.register(new AuditResource(p.listTenants(), p.readAuditLog()));
            context.register(new DeviationsResource(p.listTenants(), p.readDeviations()));
            context.register(new OutboxAdminResource(p.outboxStatus()));
            context.register(new OutboxAdminResource.OfTenant(p.listTenants(), p.outboxStatus(),
                    p.requeueParkedMessage()));
        }
        if (standalone) {
            context.register(new WebApplicationExceptionMapper());
            context.register(new UnexpectedExceptionMapper());
            context.register(new AccessLogFilter());
            context.register(new RequestIdFilter());
        }
        components.forEach(context::register);
        return true;
    }

    /** Configures a {@link ProvisioFeature}. */
    public static final class Builder {
        private final Provisioning provisioning;
        private final Supplier<String> publicUrl;
        private long maxPayloadSize = 1_048_576;
        private int maxBulkOperations = BulkResource.DEFAULT_MAX_OPERATIONS;
        private Optional<String> adminToken = Optional.empty();
        private boolean standalone;
        private final Map<Realm, RealmGuard> guards = new EnumMap<>(Realm.class);
        private final List<Object> components = new ArrayList<>();
        private AccessLimits limits = AccessLimits.NONE;

        private Builder(Provisioning provisioning, Supplier<String> publicUrl) {
            this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
            this.publicUrl = publicUrl;
        }

        /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
        public Builder maxPayloadSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxPayloadSize must be positive");
            }
            this.maxPayloadSize = bytes;
            return this;
        }

        /**
         * The most operations one {@code /Bulk} request may carry (default 1,000); more get 413. Its body is
         * held to {@link #maxPayloadSize} like every other.
         */
        public Builder maxBulkOperations(int operations) {
            if (operations < 1) {
                throw new IllegalArgumentException("maxBulkOperations must be positive");
            }
            this.maxBulkOperations = operations;
            return this;
        }

        /** Serves the admin API at {@code /admin/v1}, protected by this token. */
        public Builder adminToken(String token) {
            this.adminToken = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        /**
         * Admits callers of a realm the application decides itself — {@link Realm#CONSOLE} (its own
         * session), {@link Realm#METRICS} — for the resources it registers with that realm.
         */
        public Builder guard(Realm realm, RealmGuard guard) {
            if (realm != Realm.CONSOLE && realm != Realm.METRICS) {
                throw new IllegalArgumentException("Provisio decides " + realm + " itself");
            }
            guards.put(realm, Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /**
         * Registers a component of the application's own with the feature — the resources of a realm
         * it {@linkplain #guard guards}, or a {@link Feature} that registers them — so that one
         * builder assembles the whole surface.
         */
        public Builder register(Object component) {
            components.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        /**
         * Limits each tenant to {@code perSecond} SCIM requests a second on average and {@code burst} at
         * once; beyond that it gets {@code 429} with {@code Retry-After}, while every other tenant is
         * served as before. Off by default ({@code perSecond} 0). See {@link AccessLimits}.
         */
        public Builder tenantRateLimit(double perSecond, int burst) {
            this.limits = limits.withTenantRate(perSecond, burst);
            return this;
        }

        /**
         * After {@code perMinute} failed authentications from one client address, that address's requests
         * carrying credentials get {@code 429} with {@code Retry-After}, their token unchecked, so that
         * tokens cannot be guessed quickly. Off by default ({@code 0}). Behind a reverse proxy all clients
         * share its address. See {@link AccessLimits}.
         */
        public Builder authFailureLimit(int perMinute) {
            this.limits = limits.withAuthFailures(perMinute);
            return this;
        }

        /**
         * Maps every error to SCIM Error JSON, gives each request an id ({@code X-Request-Id}) and logs
         * access lines: for an application of its own.
         */
        public Builder standalone() {
            this.standalone = true;
            return this;
        }

        public ProvisioFeature build() {
            return new ProvisioFeature(this);
        }
    }
}
