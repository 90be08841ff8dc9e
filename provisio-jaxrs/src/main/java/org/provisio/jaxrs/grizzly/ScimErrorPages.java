package org.provisio.jaxrs.grizzly;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.provisio.jaxrs.http.RequestIdFilter;

/**
 * Grizzly's own error answers — a request URI Jersey cannot parse ({@code /Users%zz}, a raw
 * {@code <}), a full worker queue, a failure before Jersey runs — as SCIM Error JSON instead of
 * Grizzly's HTML page with a stack trace and the server's version. A server error names no
 * exception, only its status. Each carries the request's {@code X-Request-Id}.
 */
final class ScimErrorPages implements ErrorPageGenerator {
    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        Response response = request.getResponse();
        int answered = status;
        String detail;
        if (exception instanceof IllegalArgumentException && exception.getCause() instanceof URISyntaxException) {
            // Jersey's container could not build the request URI: the client's mistake
            answered = 400;
            detail = "The request URI is malformed (a bad percent-escape or a character URIs do not allow)";
        } else if (exception instanceof RejectedExecutionException) {
            answered = 503;
            response.setHeader("Retry-After", "1");
            detail = "The server is busy; try again";
        } else if (status >= 500) {
            detail = "Internal server error";
        } else {
            detail = reasonPhrase == null ? "The request was refused" : reasonPhrase;
        }
        if (answered != status) {
            response.setStatus(answered);
        }
        response.setHeader(RequestIdFilter.HEADER, GrizzlyRequestIds.of(request));
        response.setContentType(ScimErrorBodies.MEDIA_TYPE);
        return new String(ScimErrorBodies.of(answered, detail), StandardCharsets.UTF_8);
    }
}
