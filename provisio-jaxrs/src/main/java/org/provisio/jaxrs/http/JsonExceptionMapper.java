package org.provisio.jaxrs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.provisio.scim.error.ScimException;

/**
 * An admin request body Jackson could not read: the {@code ScimException} a record's own validation
 * threw, or 400 {@code invalidSyntax} for malformed JSON — never a 500.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScimException scim) {
                return ErrorResponses.of(scim);
            }
        }
        return ErrorResponses.of(ScimException.invalidSyntax("The request body is not the JSON this endpoint takes: "
                + e.getOriginalMessage().replaceAll("\\s+", " ")));
    }
}
