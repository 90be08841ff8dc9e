package org.provisio.jaxrs.grizzly;

import org.provisio.scim.json.ScimJson;
import org.provisio.scim.message.ErrorResponse;

/** The SCIM Error body (RFC 7644 §3.12) of a refusal made below Jersey, in Grizzly itself. */
final class ScimErrorBodies {
    static final String MEDIA_TYPE = "application/scim+json; charset=utf-8";

    private ScimErrorBodies() {
    }

    static byte[] of(int status, String detail) {
        return ScimJson.write(new ErrorResponse(status, null, detail).toJson());
    }
}
