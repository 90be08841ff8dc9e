package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import java.util.Map;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.domain.usecase.AuthenticateCredential;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * The one authentication decision of Provisio's HTTP surface, taken <em>after</em> routing on the
 * resource that routing matched: its {@link Guarded} realm says which credential it needs, and the
 * tenant is the decoded {@code {tenantId}} path parameter routing extracted. A path spelt with
 * matrix parameters, encoded characters, dot segments or doubled slashes therefore reaches either
 * no resource (404, decided by Jersey) or a resource that demands its credential (401); no raw path
 * string is ever compared. A matched Provisio resource without {@link Guarded} is refused; resources
 * of an embedding product (outside {@code org.provisio}) are left to the product.
 *
 * <p>SCIM: the bearer token must be an unrevoked credential of that very tenant. A missing,
 * malformed, unknown, revoked or other tenant's token are all the same 401 with
 * {@code WWW-Authenticate: Bearer}, so that nothing can be learnt from the difference. Operator:
 * the admin token, compared in constant time (both sides hashed first, so not even the length
 * leaks). Admin: the operator, or an organization admin key of the tenant in the path. Console and
 * metrics: the {@link RealmGuard} the application registered, if any.
 *
 * <p>With {@link AccessLimits}: a tenant over its request rate gets {@code 429} with
 * {@code Retry-After} once its credential has been accepted (so an unknown tenant id never takes up a
 * bucket). A client address with too many failed authentications (SCIM, operator, admin and metrics
 * credentials) gets {@code 429} for <em>every</em> request that carries an {@code Authorization}
 * header, without the token being looked at, until its bucket refills: refusing only the requests
 * whose token turns out wrong would still check each guess and tell a right one by its answer, so
 * guessing would not slow down at all. The price is that a legitimate client sharing the address (a
 * NAT, a reverse proxy) waits too; a success does not clear the failures before it.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {
    /** The request property holding the authenticated {@link Actor}. */
    public static final String ACTOR_PROPERTY = "provisio.actor";
    /**
     * The request property holding the client's address as text ({@code 192.0.2.7}, {@code 2001:db8::7}),
     * set by the container: {@code GrizzlyHardening} sets it to the TCP peer. Without it every client
     * is counted as one by the authentication-failure limit.
     */
    public static final String CLIENT_ADDRESS_PROPERTY = "org.provisio.client-address";
    private static final String PROVISIO_PACKAGE = "org.provisio.";
    /** The realms whose bearer credentials can be guessed; the console has its own sign-in throttle. */
    private static final Set<Realm> COUNTED_REALMS = EnumSet.of(Realm.SCIM, Realm.OPERATOR, Realm.ADMIN, Realm.METRICS);

    private final AuthenticateCredential authenticate;
    private final AdminKeys adminKeys;
    private final Optional<byte[]> adminTokenHash;
    private final Map<Realm, RealmGuard> guards;
    private final Throttles throttles;

    public AccessFilter(AuthenticateCredential authenticate, AdminKeys adminKeys, Optional<String> adminToken,
                        Map<Realm, RealmGuard> guards) {
        this(authenticate, adminKeys, adminToken, guards, AccessLimits.NONE);
    }

    /** A filter that also enforces {@code limits}. */
    public AccessFilter(AuthenticateCredential authenticate, AdminKeys adminKeys, Optional<String> adminToken,
                        Map<Realm, RealmGuard> guards, AccessLimits limits) {
        this(authenticate, adminKeys, adminToken, guards, new Throttles(limits, System::nanoTime));
    }

    AccessFilter(AuthenticateCredential authenticate, AdminKeys adminKeys, Optional<String> adminToken,
                 Map<Realm, RealmGuard> guards, Throttles throttles) {
        this.authenticate = authenticate;
        this.adminKeys = adminKeys;
        this.adminTokenHash = adminToken.map(AccessFilter::sha256);
        this.guards = Map.copyOf(guards);
        this.throttles = throttles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.isEmpty()) {
            return;
        }
        Class<?> resource = matched.get(0).getClass();
        Guarded guarded = resource.getAnnotation(Guarded.class);
        if (guarded == null) {
            if (resource.getName().startsWith(PROVISIO_PACKAGE)) {
                throw ScimException.of(ScimErrorType.FORBIDDEN, "This endpoint is not open to any caller");
            }
            return;
        }
        Realm realm = guarded.value();
        boolean counted = throttles.limitsAddresses() && COUNTED_REALMS.contains(realm)
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String address = counted ? Throttles.addressKey(request.getProperty(CLIENT_ADDRESS_PROPERTY)) : null;
        if (counted) {
            long wait = throttles.addressShutOut(address);
            if (wait > 0) {
                request.abortWith(ErrorResponses.tooManyRequests("Too many failed authentications from this client"
                        + " address; retry after " + wait + " s", wait));
                return;
            }
        }
        try {
            admit(realm, request);
        } catch (ScimException e) {
            if (counted && e.type() == ScimErrorType.UNAUTHORIZED) {
                throttles.failedFrom(address);
            }
            throw e;
        }
    }

    private void admit(Realm realm, ContainerRequestContext request) {
        switch (realm) {
            case SCIM -> scim(request);
            case OPERATOR -> operator(request);
            case ADMIN -> admin(request);
            case PUBLIC -> {
                // the invitation token in the path is the credential; the use case checks it
            }
            case HEALTH -> {
                // a health probe needs no credential and learns only UP or DOWN
            }
            case CONSOLE, METRICS -> {
                RealmGuard guard = guards.get(realm);
                if (guard == null) {
                    throw ScimException.notFound("No such resource or endpoint");
                }
                guard.admit(request);
            }
        }
    }

    private void scim(ContainerRequestContext request) {
        String tenantParameter = request.getUriInfo().getPathParameters(true).getFirst("tenantId");
        TenantId tenant = TenantId.parse(tenantParameter).orElseThrow(AccessFilter::unauthorized);
        String token = Bearer.token(request).orElseThrow(AccessFilter::unauthorized);
        Actor.Credential actor = authenticate.authenticate(tenant, token).orElseThrow(AccessFilter::unauthorized);
        request.setProperty(ACTOR_PROPERTY, actor);
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, tenant.value());
        long wait = throttles.tenantRequest(tenant);
        if (wait > 0) {
            AccessLimits limits = throttles.limits();
            request.abortWith(ErrorResponses.tooManyRequests("This tenant's rate limit of "
                    + decimal(limits.tenantRequestsPerSecond()) + " requests per second (bursts of "
                    + limits.tenantBurst() + ") is used up; retry after " + wait + " s", wait));
        }
    }

    private static String decimal(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void operator(ContainerRequestContext request) {
        if (!isOperator(Bearer.token(request).orElse(""))) {
            throw ScimException.of(ScimErrorType.UNAUTHORIZED,
                    "The admin token is required (Authorization: Bearer <admin token>)");
        }
        request.setProperty(ACTOR_PROPERTY, Actor.admin());
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, "admin");
    }

    /**
     * The operator, or an admin key of the tenant in the path: a key of another tenant is refused
     * exactly like a wrong token, so that nothing tells one tenant's key from garbage elsewhere.
     */
    private void admin(ContainerRequestContext request) {
        String token = Bearer.token(request).orElse("");
        if (isOperator(token)) {
            request.setProperty(ACTOR_PROPERTY, Actor.admin());
            request.setProperty(AccessLogFilter.TENANT_PROPERTY, "admin");
            return;
        }
        Optional<TenantId> tenant = TenantId.parse(request.getUriInfo().getPathParameters(true).getFirst("tenantId"));
        Optional<Actor.OrganizationAdmin> admin = tenant.flatMap(t -> adminKeys.authenticateFor(t, token));
        if (admin.isEmpty()) {
            throw ScimException.of(ScimErrorType.UNAUTHORIZED, "The admin token or an admin key of this organization"
                    + " is required (Authorization: Bearer <token>)");
        }
        request.setProperty(ACTOR_PROPERTY, admin.get());
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, tenant.get().value());
    }

    private boolean isOperator(String token) {
        byte[] hash = sha256(token);
        return adminTokenHash.map(expected -> MessageDigest.isEqual(expected, hash)).orElse(false);
    }

    /** The authenticated caller of this request; set by {@link #filter} before any resource runs. */
    public static Actor actor(ContainerRequestContext request) {
        Object actor = request.getProperty(ACTOR_PROPERTY);
        if (!(actor instanceof Actor a)) {
            throw new IllegalStateException("no authenticated actor on this request");
        }
        return a;
    }

    static ScimException unauthorized() {
        return ScimException.of(ScimErrorType.UNAUTHORIZED,
                "A valid bearer token of this tenant is required (Authorization: Bearer <secret token>)");
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
