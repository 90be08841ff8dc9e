package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request: method, path (invitation tokens masked, and the tenant segment
 * unless that tenant authenticated, as a confused client may put its token there; no query string),
 * status, duration and tenant. Authorization headers and bodies are never logged.
 */
@PreMatching
@Priority(Integer.MIN_VALUE)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request property under which authentication leaves the tenant id. */
    public static final String TENANT_PROPERTY = "provisio.tenant";
    private static final String START = "provisio.start";
    private static final Logger LOG = LoggerFactory.getLogger("provisio.access");
    private static final Pattern SCIM_TENANT = Pattern.compile("^(/scim/v2/)([^/]+)");

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object start = request.getProperty(START);
        long micros = start instanceof Long s ? (System.nanoTime() - s) / 1_000 : -1;
        Object tenant = request.getProperty(TENANT_PROPERTY);
        LOG.info("{} {} {} {}ms tenant={}", request.getMethod(),
                safePath(request.getUriInfo().getRequestUri().getRawPath(), tenant),
                response.getStatus(), String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0),
                tenant == null ? "-" : tenant);
    }

    /**
     * The path with invitation tokens replaced by {@code ***}, and the tenant segment of a SCIM path
     * too unless it names {@code tenant}, the one that authenticated.
     */
    static String safePath(String path, Object tenant) {
        String safe = path.replaceAll("(/invitations/)[^/]+", "$1***");
        Matcher m = SCIM_TENANT.matcher(safe);
        if (m.find() && !m.group(2).equals(tenant)) {
            safe = m.replaceFirst("$1***");
        }
        return safe;
    }
}
