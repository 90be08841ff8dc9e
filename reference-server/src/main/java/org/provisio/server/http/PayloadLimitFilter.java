package org.provisio.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/** Refuses a request whose declared {@code Content-Length} exceeds the limit, before reading it: 413. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class PayloadLimitFilter implements ContainerRequestFilter {
    private final long maxPayloadSize;

    public PayloadLimitFilter(long maxPayloadSize) {
        this.maxPayloadSize = maxPayloadSize;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxPayloadSize) {
            throw ComplexValueProvider.tooLarge(maxPayloadSize);
        }
    }
}
