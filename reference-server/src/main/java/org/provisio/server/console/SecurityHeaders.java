package org.provisio.server.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;

/**
 * The browser-facing headers of every console response, refusals and redirects included: a
 * Content-Security-Policy that lets the page load only the console's own style sheet and script
 * (no inline script or style, no other origin, no framing, forms post only here), the same
 * framing refusal for older browsers, no Referer ever leaving a console page, and no page kept in
 * any cache (pages show secrets once and personal data always).
 */
final class SecurityHeaders implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isConsole(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }

    /**
     * Whether routing matched a console page, or — for a refusal before any page matched — the first path
     * segment as routing reads it (decoded, matrix parameters dropped: {@code /console;x} too) is the console's.
     */
    private static boolean isConsole(ContainerRequestContext request) {
        for (Object matched : request.getUriInfo().getMatchedResources()) {
            if (matched.getClass().getPackageName().equals(SecurityHeaders.class.getPackageName())) {
                return true;
            }
        }
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        return !segments.isEmpty() && segments.get(0).getPath().equals("console");
    }
}
