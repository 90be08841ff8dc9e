package org.provisio.jaxrs.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.provisio.scim.error.ScimErrorType;

/**
 * Turns JAX-RS's own refusals (unknown path, wrong method, unsupported media type, ...) into the
 * SCIM Error JSON, keeping their status.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ScimErrorType type = switch (status) {
            case 401 -> ScimErrorType.UNAUTHORIZED;
            case 403 -> ScimErrorType.FORBIDDEN;
            case 404 -> ScimErrorType.NOT_FOUND;
            case 405 -> ScimErrorType.METHOD_NOT_ALLOWED;
            case 409 -> ScimErrorType.CONFLICT;
            case 410 -> ScimErrorType.GONE;
            case 412 -> ScimErrorType.PRECONDITION_FAILED;
            case 413 -> ScimErrorType.PAYLOAD_TOO_LARGE;
            case 415 -> ScimErrorType.UNSUPPORTED_MEDIA_TYPE;
            case 501 -> ScimErrorType.NOT_IMPLEMENTED;
            default -> null;
        };
        if (type == null) {
            if (status >= 500) {
                return new UnexpectedExceptionMapper().toResponse(e);
            }
            // a refusal with no SCIM kind of its own (406, 408, 414, ...) keeps its status
            return Response.status(status).type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                    .entity(new org.provisio.scim.message.ErrorResponse(status, null,
                            "The request was refused (HTTP " + status + ")").toJson())
                    .build();
        }
        String detail = switch (type) {
            case NOT_FOUND -> "No such resource or endpoint";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this endpoint";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/scim+json or application/json";
            default -> "The request was refused (HTTP " + status + ")";
        };
        return ErrorResponses.of(type, detail);
    }
}
