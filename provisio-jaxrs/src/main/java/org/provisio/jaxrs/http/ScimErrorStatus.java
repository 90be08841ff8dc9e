package org.provisio.jaxrs.http;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.provisio.scim.error.ScimErrorType;

/**
 * The status of a SCIM Error response, which also remembers the kind of error, so that the
 * access-log line can name its {@code scimType} ({@code invalidFilter}, {@code uniqueness}...) without
 * reading the body: a property of the response object, never sent. On the wire it is the plain
 * status with its standard reason phrase.
 */
final class ScimErrorStatus implements Response.StatusType {
    private final ScimErrorType type;
    private final Response.StatusType standard;

    ScimErrorStatus(ScimErrorType type) {
        this.type = type;
        this.standard = Response.Status.fromStatusCode(type.status());
    }

    /** The {@code scimType} of the answer of {@code response}, if it is a SCIM error that has one. */
    static Optional<String> scimType(Response.StatusType status) {
        return status instanceof ScimErrorStatus s ? s.type.scimType() : Optional.empty();
    }

    @Override
    public int getStatusCode() {
        return type.status();
    }

    @Override
    public Response.Status.Family getFamily() {
        return Response.Status.Family.familyOf(type.status());
    }

    @Override
    public String getReasonPhrase() {
        return standard == null ? "" : standard.getReasonPhrase();
    }

    @Override
    public String toString() {
        return getStatusCode() + " " + getReasonPhrase();
    }
}
