package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request: method, path (invitation tokens masked, and the tenant segment
 * unless that tenant authenticated, as a confused client may put its token there; no query string),
 * status, duration, tenant, for a 4xx SCIM error its {@code scimType} (the keyword only, never the
 * detail or what the client sent) and the request id ({@link RequestIdFilter}). Authorization
 * headers and bodies are never logged:
 *
 * <pre>
 * GET /scim/v2/acme/Users 400 1.3ms tenant=acme scimType=invalidFilter requestId=4bf92f35-77b3-4c1a-9d3e-0e2b1c6f5a10
 * </pre>
 *
 * Right inside {@link RequestIdFilter}, so that the line is written while the request id is in the MDC.
 */
@PreMatching
@Priority(Integer.MIN_VALUE + 1)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request property under which authentication leaves the tenant id. */
    public static final String TENANT_PROPERTY = "provisio.tenant";
    private static final String START = "provisio.start";
    private static final Logger LOG = LoggerFactory.getLogger("provisio.access");
    private static final Pattern INVITATION_TOKEN = Pattern.compile("(/invitations/)[^/]+");
    private static final Pattern MATRIX = Pattern.compile(";[^/]*");
    private static final String INVITATIONS = "/invitations/";
    private static final String SCIM = "/scim/v2/";

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
        int status = response.getStatus();
        String reason = status >= 400 && status < 500
                ? ScimErrorStatus.scimType(response.getStatusInfo()).map(t -> " scimType=" + t).orElse("") : "";
        Object requestId = request.getProperty(RequestIdFilter.PROPERTY);
        LOG.info("{} {} {} {}ms tenant={}{}{}", request.getMethod(),
                safePath(request.getUriInfo().getRequestUri().getRawPath(), tenant),
                status, tenths(micros),
                tenant == null ? "-" : tenant, reason, requestId == null ? "" : " requestId=" + requestId);
    }

    /** Milliseconds with one decimal, {@code 1.3}, without a formatter per request. */
    static String tenths(long micros) {
        if (micros < 0) {
            return "-0.0";
        }
        long tenths = (micros + 50) / 100;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /**
     * The path with invitation tokens replaced by {@code ***}, and the tenant segment of a SCIM path
     * too unless it names {@code tenant}, the one that authenticated. Routing decodes escapes and
     * drops matrix parameters, so {@code /invit%61tions/<token>} and {@code /invitations;x/<token>}
     * reach the invitation page too: a path with either is logged as routing read it, decoded and
     * without matrix parameters, before the masks apply.
     */
    static String safePath(String rawPath, Object tenant) {
        String path = rawPath.indexOf('%') >= 0 || rawPath.indexOf(';') >= 0 ? routed(rawPath) : rawPath;
        if (path.contains(INVITATIONS)) {
            path = INVITATION_TOKEN.matcher(path).replaceAll("$1***");
        }
        if (path.startsWith(SCIM)) {
            int end = path.indexOf('/', SCIM.length());
            String segment = path.substring(SCIM.length(), end < 0 ? path.length() : end);
            if (!segment.isEmpty() && !segment.equals(tenant)) {
                path = SCIM + "***" + (end < 0 ? "" : path.substring(end));
            }
        }
        return path;
    }

    /** The path as routing reads it: each segment without matrix parameters, escapes decoded (UTF-8). */
    static String routed(String rawPath) {
        String path = MATRIX.matcher(rawPath).replaceAll("");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int hi = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                // a malformed escape stays as it is, as the 400 it gets leaves it
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
