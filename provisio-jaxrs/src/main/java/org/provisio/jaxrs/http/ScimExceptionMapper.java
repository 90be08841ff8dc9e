package org.provisio.jaxrs.http;

import jakarta.ws.rs.ext.ExceptionMapper;
import org.provisio.scim.error.ScimException;

/** The one mapper from the SCIM error type to the Error JSON with its status. */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
    @Override
    public jakarta.ws.rs.core.Response toResponse(ScimException e) {
        return ErrorResponses.of(e);
    }
}
