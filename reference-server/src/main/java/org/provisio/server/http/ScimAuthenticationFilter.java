package org.provisio.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.AuthenticateCredential;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * Guards {@code /scim/v2/{tenantId}/...}: the bearer token must be an unrevoked credential of that
 * very tenant. A missing, malformed, unknown, revoked or other tenant's token are all the same
 * 401 with {@code WWW-Authenticate: Bearer}, so that nothing can be learnt from the difference.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ScimAuthenticationFilter implements ContainerRequestFilter {
    /** The request property holding the authenticated {@link Actor.Credential}. */
    public static final String ACTOR_PROPERTY = "provisio.actor";

    private final AuthenticateCredential authenticate;

    public ScimAuthenticationFilter(AuthenticateCredential authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> segments = segments(request.getUriInfo().getPath());
        if (segments.size() < 3 || !segments.get(0).equals("scim") || !segments.get(1).equals("v2")) {
            return;
        }
        TenantId tenant = parse(segments.get(2)).orElseThrow(ScimAuthenticationFilter::unauthorized);
        String token = Bearer.token(request).orElseThrow(ScimAuthenticationFilter::unauthorized);
        Actor.Credential actor = authenticate.authenticate(tenant, token).orElseThrow(ScimAuthenticationFilter::unauthorized);
        request.setProperty(ACTOR_PROPERTY, actor);
        request.setProperty(AccessLogFilter.TENANT_PROPERTY, tenant.value());
    }

    private static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", 4));
    }

    private static Optional<TenantId> parse(String text) {
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
}
