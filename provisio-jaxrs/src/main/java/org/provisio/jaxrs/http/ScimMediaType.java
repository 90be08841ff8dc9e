package org.provisio.jaxrs.http;

import jakarta.ws.rs.core.MediaType;

/** The SCIM media type, {@code application/scim+json} (RFC 7644 §8.1). */
public final class ScimMediaType {
    public static final String SCIM_JSON = "application/scim+json";
    /** What every SCIM response carries as {@code Content-Type}. */
    public static final String SCIM_JSON_UTF8 = "application/scim+json; charset=utf-8";
    public static final MediaType SCIM_JSON_UTF8_TYPE = MediaType.valueOf(SCIM_JSON_UTF8);

    private ScimMediaType() {
    }
}
