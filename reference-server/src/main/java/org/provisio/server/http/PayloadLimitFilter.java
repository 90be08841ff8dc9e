package org.provisio.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses a request to Provisio's endpoints whose declared {@code Content-Length} exceeds the limit,
 * before reading it: 413. Other paths belong to the embedding application and keep its own limits.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class PayloadLimitFilter implements ContainerRequestFilter {
    private final long maxPayloadSize;

    public PayloadLimitFilter(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxPayloadSize && isProvisioPath(request.getUriInfo().getPath())) {
            throw ComplexValueProvider.tooLarge(maxPayloadSize);
        }
    }

    private static boolean isProvisioPath(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("scim/v2/") || p.startsWith("admin/v1/") || p.startsWith("invitations/");
    }
}
