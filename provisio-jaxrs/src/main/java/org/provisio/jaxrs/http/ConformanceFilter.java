package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.CheckConformance;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;

/**
 * Holds each SCIM request to its tenant's conformance profile and notes its refusals for the tenant's
 * client-deviation report. Once {@link AccessFilter} has authenticated a request to a {@link Realm#SCIM}
 * resource, this filter begins its {@link RequestConformance}, which the resource passes to the parsers and
 * use cases ({@link #check}). When the answer is an error — whatever refused the request: authentication, the
 * JSON reader, the resource or a use case — it notes the error's kind, for a tenant that exists.
 *
 * <p>The example request line a report keeps is redacted here: the method, the path with the tenant and every
 * id replaced by a placeholder, and the names of the standard query parameters, e.g.
 * {@code GET /scim/v2/{tenantId}/Users?filter&count}; never a value, a filter literal or an id.
 */
@Priority(Priorities.AUTHENTICATION + 10)
public final class ConformanceFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request property holding the request's {@link RequestConformance}. */
    public static final String PROPERTY = "provisio.conformance";

    /** The check of a request that is held to no profile and noted nowhere: lenient, counting nothing. */
    public static final RequestConformance NOT_CHECKED = new RequestConformance() {
        @Override
        public void tolerate(Tolerance tolerance, String where) {
            // lenient: the tolerance applies
        }

        @Override
        public ConformanceProfile profile() {
            return ConformanceProfile.LENIENT;
        }

        @Override
        public void refused(ScimException error) {
            // noted nowhere
        }

        @Override
        public void answered(ScimErrorType type) {
            // noted nowhere
        }
    };

    private static final Set<String> ENDPOINTS = Set.of("Users", "Groups", "Bulk", ".search", "Me",
            "ServiceProviderConfig", "ResourceTypes", "Schemas");
    private static final List<String> PARAMETERS = List.of("filter", "attributes", "excludedAttributes", "sortBy",
            "sortOrder", "startIndex", "count", "cursor");
    private static final String SCIM_ROOT = "/scim/v2/";

    private final CheckConformance conformance;

    public ConformanceFilter(CheckConformance conformance) {
        this.conformance = Objects.requireNonNull(conformance, "conformance");
    }

    /** The conformance of a request, {@link #NOT_CHECKED} when none was begun (not a SCIM request). */
    public static RequestConformance check(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof RequestConformance c ? c : NOT_CHECKED;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isScim(request) && request.getProperty(AccessFilter.ACTOR_PROPERTY) != null) {
            begin(request).ifPresent(c -> request.setProperty(PROPERTY, c));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || (status >= 500 && status != 501) || !isScim(request)) {
            return;
        }
        Optional<ScimErrorType> type = errorType(status, response.getEntity());
        if (type.isEmpty()) {
            return;
        }
        Object begun = request.getProperty(PROPERTY);
        if (begun instanceof RequestConformance c) {
            c.answered(type.get());
        } else if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            // a refused credential: counted for the tenant it named, which costs a lookup of that tenant; a
            // request without any credential is not counted, so that it costs no store read (nothing limits how
            // many an anonymous client sends, unlike failed authentications)
            begin(request).ifPresent(c -> c.answered(type.get()));
        }
    }

    private Optional<RequestConformance> begin(ContainerRequestContext request) {
        Optional<TenantId> tenant = TenantId.parse(request.getUriInfo().getPathParameters(true).getFirst("tenantId"));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String method = request.getMethod();
        URI uri = request.getUriInfo().getRequestUri();
        String rawPath = uri.getRawPath();
        String rawQuery = uri.getRawQuery();
        return conformance.begin(tenant.get(), () -> requestLine(method, rawPath, rawQuery));
    }

    private static boolean isScim(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.isEmpty()) {
            return false;
        }
        Guarded guarded = matched.get(0).getClass().getAnnotation(Guarded.class);
        return guarded != null && guarded.value() == Realm.SCIM;
    }

    /** The kind of the SCIM Error an answer carries, by its status and {@code scimType}. */
    static Optional<ScimErrorType> errorType(int status, Object entity) {
        String scimType = entity instanceof ComplexValue body ? body.getText("scimType").orElse(null) : null;
        for (ScimErrorType t : ScimErrorType.values()) {
            if (t.status() == status && Objects.equals(t.scimType().orElse(null), scimType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code PATCH /scim/v2/{tenantId}/Users/{id}}: the method, the SCIM path from {@code /scim/v2/} with the
     * tenant and every segment that is not an endpoint name replaced, and the standard query parameters
     * present, by name.
     */
    static String requestLine(String method, String rawPath, String rawQuery) {
        StringBuilder line = new StringBuilder(method).append(' ');
        int root = rawPath == null ? -1 : rawPath.indexOf(SCIM_ROOT);
        if (root < 0) {
            line.append("/{path}");
        } else {
            line.append(SCIM_ROOT).append("{tenantId}");
            String[] segments = rawPath.substring(root + SCIM_ROOT.length()).split("/");
            for (int i = 1; i < segments.length; i++) {
                if (!segments[i].isEmpty()) {
                    line.append('/').append(ENDPOINTS.contains(segments[i]) ? segments[i] : "{id}");
                }
            }
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            StringJoiner names = new StringJoiner("&", "?", "").setEmptyValue("");
            for (String p : PARAMETERS) {
                if (hasParameter(rawQuery, p)) {
                    names.add(p);
                }
            }
            line.append(names);
        }
        return line.toString();
    }

    private static boolean hasParameter(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // a malformed escape names no standard parameter
            }
        }
        return false;
    }
}
