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
        Response.ResponseBuilder b = Response.status(type.status())
                .type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                .entity(ErrorResponse.of(type, detail).toJson());
        if (type == ScimErrorType.UNAUTHORIZED) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"provisio\"");
        }
        return b.build();
    }
}
