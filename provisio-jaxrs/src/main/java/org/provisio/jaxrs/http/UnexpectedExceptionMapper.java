package org.provisio.jaxrs.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.provisio.scim.error.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: an exception nobody expected is logged with an incident id and answered
 * with a 500 Error body that names only the id, never a stack trace.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ScimException se) {
            return ErrorResponses.of(se);
        }
        if (e instanceof jakarta.ws.rs.WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return new WebApplicationExceptionMapper().toResponse(wae);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, e);
        return Response.status(500)
                .type(ScimMediaType.SCIM_JSON_UTF8_TYPE)
                .entity(new org.provisio.scim.message.ErrorResponse(500, null,
                        "Internal server error; incident " + incident).toJson())
                .build();
    }
}
