package org.provisio.jaxrs.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.usecase.RequestScope;
import org.slf4j.MDC;

/**
 * Gives every request an id: a well-formed incoming {@code X-Request-Id} (1 to 128 characters of
 * {@code [A-Za-z0-9._:-]}, see {@link RequestId}) is kept, so that a proxy's or client's id follows
 * the request; anything else is replaced by a fresh one and never echoed. The id is returned in the
 * {@code X-Request-Id} header of every answer Jersey writes (errors included), is the
 * {@code requestId} of the logging MDC while the request runs (every log line of the request carries
 * it) and the {@link RequestScope} of the use cases it calls, whose audit entries record it.
 *
 * <p>The outermost filter: its request side runs first and its response side last, after the
 * access-log line has been written.
 */
@PreMatching
@Priority(Integer.MIN_VALUE)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";
    /** The request property holding the request's id, as a string. */
    public static final String PROPERTY = "provisio.requestId";
    /** The key of the id in the logging MDC. */
    public static final String MDC_KEY = "requestId";
    private static final String SCOPE = "provisio.requestScope";

    @Override
    public void filter(ContainerRequestContext request) {
        RequestId id = accept(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id.value());
        // a thread that missed the end of its previous request starts clean here
        MDC.put(MDC_KEY, id.value());
        request.setProperty(SCOPE, RequestScope.open(id));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id instanceof String value) {
            response.getHeaders().putSingle(HEADER, value);
        }
        if (request.getProperty(SCOPE) instanceof RequestScope.Binding binding) {
            binding.close();
            request.removeProperty(SCOPE);
        }
        MDC.remove(MDC_KEY);
    }

    /**
     * The id of a request that came with {@code header} (null when it had none): the header's value
     * when it is well formed, else a fresh id.
     */
    public static RequestId accept(String header) {
        return RequestId.parse(header).orElseGet(RequestId::generate);
    }
}
