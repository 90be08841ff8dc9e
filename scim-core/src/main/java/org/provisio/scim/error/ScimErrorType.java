package org.provisio.scim.error;

import java.util.Optional;

/**
 * The kinds of SCIM error, keyed by the RFC 7644 §3.12 {@code scimType} where the RFC
 * defines one, each carrying the status the RFC gives it. A keyword may serve two kinds with
 * different statuses ({@code tooMany} is 400 for a filter and 413 for a Bulk request).
 *
 * <p>{@code status} is part of the SCIM Error message itself ({@code "status": "400"}),
 * which is why it lives in the SCIM language and not only at the HTTP edge.
 */
public enum ScimErrorType {
    /** The filter syntax is invalid or the filter names an unsupported attribute. */
    INVALID_FILTER("invalidFilter", 400),
    /** The filter yields more results than the server is willing to return. */
    TOO_MANY("tooMany", 400),
    /** One or more attribute values are already in use or reserved. */
    UNIQUENESS("uniqueness", 409),
    /** The attempted modification is not compatible with the attribute's mutability. */
    MUTABILITY("mutability", 400),
    /** The request body structure was invalid or did not conform to the schema. */
    INVALID_SYNTAX("invalidSyntax", 400),
    /** The path attribute was invalid or malformed. */
    INVALID_PATH("invalidPath", 400),
    /** The path did not yield an attribute that could be operated on. */
    NO_TARGET("noTarget", 400),
    /** A required value was missing or the value was not compatible with the attribute type. */
    INVALID_VALUE("invalidValue", 400),
    /** The specified SCIM protocol version is not supported. */
    INVALID_VERSION("invalidVers", 400),
    /** The request cannot be completed because it carries sensitive information in a URI. */
    SENSITIVE("sensitive", 400),
    /**
     * The {@code cursor} is not one this service issued for this query: garbage, altered, or issued
     * for another filter or sort (RFC 9865 §2.1).
     */
    INVALID_CURSOR("invalidCursor", 400),
    /** The {@code cursor} was issued longer ago than the advertised {@code cursorTimeout} (RFC 9865 §2.1). */
    EXPIRED_CURSOR("expiredCursor", 400),

    /** A request the client is not allowed to make (RFC 7644 §3.12, no scimType). */
    UNAUTHORIZED(null, 401),
    /** The resource exists but the client may not act on it. */
    FORBIDDEN(null, 403),
    /** The resource does not exist. */
    NOT_FOUND(null, 404),
    /** The HTTP verb is not supported on this endpoint. */
    METHOD_NOT_ALLOWED(null, 405),
    /** The service provider refused a resource because of a state conflict other than uniqueness. */
    CONFLICT(null, 409),
    /**
     * A bulk operation's {@code "bulkId:..."} reference cannot be resolved: the references are circular,
     * or the operation that creates the resource failed. RFC 7644 §3.7.1 answers an unresolvable
     * cross-reference with 409 (Conflict); {@code invalidValue} says which part of the request is at fault.
     */
    UNRESOLVABLE_REFERENCE("invalidValue", 409),
    /** The thing existed but is no longer available, such as an expired invitation link. */
    GONE(null, 410),
    /** {@code If-Match} named a version that is no longer current. */
    PRECONDITION_FAILED(null, 412),
    /** The request body exceeds {@code maxPayloadSize}. */
    PAYLOAD_TOO_LARGE(null, 413),
    /**
     * A Bulk request carries more operations than {@code maxOperations}: 413 (RFC 7644 §3.7.4), with
     * the {@code tooMany} keyword of {@link #TOO_MANY} so that a client can tell it from a body too large.
     */
    TOO_MANY_OPERATIONS("tooMany", 413),
    /** The media type of the request body is not supported. */
    UNSUPPORTED_MEDIA_TYPE(null, 415),
    /** The service provider does not support the requested operation. */
    NOT_IMPLEMENTED(null, 501);

    private final String scimType;
    private final int status;

    ScimErrorType(String scimType, int status) {
        this.scimType = scimType;
        this.status = status;
    }

    /** The RFC 7644 {@code scimType} keyword, if this kind of error has one. */
    public Optional<String> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** The status the RFC assigns to this kind of error. */
    public int status() {
        return status;
    }
}
