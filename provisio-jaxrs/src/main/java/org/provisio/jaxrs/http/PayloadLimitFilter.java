package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * Refuses a request to one of Provisio's resources whose declared {@code Content-Length} exceeds
 * the limit, before reading it: 413. Decided on the resource routing matched, like
 * {@link AccessFilter}; other resources belong to the embedding application and keep its own limits.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class PayloadLimitFilter implements ContainerRequestFilter {
    private final long maxPayloadSize;

    public PayloadLimitFilter(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<Object> matched = request.getUriInfo().getMatchedResources();
        if (matched.isEmpty() || !matched.get(0).getClass().isAnnotationPresent(Guarded.class)) {
            return;
        }
        if (ComplexValueProvider.declaredLength(request.getHeaderString("Content-Length")) > maxPayloadSize) {
            throw ComplexValueProvider.tooLarge(maxPayloadSize);
        }
    }
}
