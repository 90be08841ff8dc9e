package org.provisio.jaxrs.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.ErrorResponse;

/** Builds the RFC 7644 §3.12 Error response, the only shape an error leaves this server in. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static Response of(ScimException e) {
        return of(e.type(), e.detail());
    }

    static Response of(ScimErrorType type, String detail) {
        // the status carries the kind of error to the access-log line (ScimErrorStatus)
        Response.ResponseBuilder b = Response.status(new ScimErrorStatus(type))
                .type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                .entity(ErrorResponse.of(type, detail).toJson());
        if (type == ScimErrorType.UNAUTHORIZED) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"provisio\"");
        }
        return b.build();
    }

    /**
     * {@code 429 Too Many Requests} (RFC 6585 §4) with {@code Retry-After} in whole seconds. RFC 7644
     * §3.12 defines no {@code scimType} for it, so the Error carries none: only {@code status} and
     * {@code detail}.
     */
    static Response tooManyRequests(String detail, long retryAfterSeconds) {
        return Response.status(429)
                .type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .entity(new ErrorResponse(429, null, detail).toJson())
                .build();
    }
}
