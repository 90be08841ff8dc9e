package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
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
 */
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {
    /** The request property holding the authenticated {@link Actor}. */
    public static final String ACTOR_PROPERTY = "provisio.actor";
    private static final String PROVISIO_PACKAGE = "org.provisio.";

    private final AuthenticateCredential authenticate;
    private final AdminKeys adminKeys;
    private final Optional<byte[]> adminTokenHash;
    private final Map<Realm, RealmGuard> guards;

    public AccessFilter(AuthenticateCredential authenticate, AdminKeys adminKeys, Optional<String> adminToken,
                        Map<Realm, RealmGuard> guards) {
        this.authenticate = authenticate;
        this.adminKeys = adminKeys;
        this.adminTokenHash = adminToken.map(AccessFilter::sha256);
        this.guards = Map.copyOf(guards);
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
        switch (guarded.value()) {
            case SCIM -> scim(request);
            case OPERATOR -> operator(request);
            case ADMIN -> admin(request);
            case PUBLIC -> {
                // the invitation token in the path is the credential; the use case checks it
            }
            case CONSOLE, METRICS -> {
                RealmGuard guard = guards.get(guarded.value());
                if (guard == null) {
                    throw ScimException.notFound("No such resource or endpoint");
                }
                guard.admit(request);
            }
        }
    }

    private void scim(ContainerRequestContext request) {
        String tenantParameter = request.getUriInfo().getPathParameters(true).getFirst("tenantId");
        TenantId tenant = parse(tenantParameter).orElseThrow(AccessFilter::unauthorized);
        String token = Bearer.token(request).orElseThrow(AccessFilter::unauthorized);
        Actor.Credential actor = authenticate.authenticate(tenant, token).orElseThrow(AccessFilter::unauthorized);
        request.setProperty(ACTOR_PROPERTY, actor);
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, tenant.value());
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
        Optional<TenantId> tenant = parse(request.getUriInfo().getPathParameters(true).getFirst("tenantId"));
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

    private static Optional<TenantId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ScimException unauthorized() {
        return ScimException.of(ScimErrorType.UNAUTHORIZED,
                "A valid bearer token of this tenant is required (Authorization: Bearer <secret token>)");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
