package org.provisio.scim.error;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one SCIM error: a client-visible failure with its RFC 7644 kind and a human-readable
 * detail. Built by the static factories, for example
 * {@code ScimException.invalidFilter("unexpected ')' at position 14", 14)}.
 *
 * <p>Exactly one mapper at the HTTP edge turns it into the Error JSON
 * ({@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"..."}}).
 */
public final class ScimException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int NO_POSITION = -1;

    private final ScimErrorType type;
    private final int position;

    private ScimException(ScimErrorType type, String detail, int position) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.position = position;
    }

    /** An error of the given kind. */
    public static ScimException of(ScimErrorType type, String detail) {
        return new ScimException(type, detail, NO_POSITION);
    }

    /** An {@code invalidFilter} error found at a character position of the filter (0-based). */
    public static ScimException invalidFilter(String detail, int position) {
        return new ScimException(ScimErrorType.INVALID_FILTER, detail, position);
    }

    /** An {@code invalidPath} error found at a character position of the path (0-based). */
    public static ScimException invalidPath(String detail, int position) {
        return new ScimException(ScimErrorType.INVALID_PATH, detail, position);
    }

    public static ScimException invalidPath(String detail) {
        return of(ScimErrorType.INVALID_PATH, detail);
    }

    public static ScimException invalidFilter(String detail) {
        return of(ScimErrorType.INVALID_FILTER, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return of(ScimErrorType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidValue(String detail) {
        return of(ScimErrorType.INVALID_VALUE, detail);
    }

    public static ScimException noTarget(String detail) {
        return of(ScimErrorType.NO_TARGET, detail);
    }

    public static ScimException mutability(String detail) {
        return of(ScimErrorType.MUTABILITY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return of(ScimErrorType.UNIQUENESS, detail);
    }

    public static ScimException tooMany(String detail) {
        return of(ScimErrorType.TOO_MANY, detail);
    }

    /** An {@code invalidCursor} error (RFC 9865 §2.1). */
    public static ScimException invalidCursor(String detail) {
        return of(ScimErrorType.INVALID_CURSOR, detail);
    }

    /** An {@code expiredCursor} error (RFC 9865 §2.1). */
    public static ScimException expiredCursor(String detail) {
        return of(ScimErrorType.EXPIRED_CURSOR, detail);
    }

    public static ScimException notFound(String detail) {
        return of(ScimErrorType.NOT_FOUND, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return of(ScimErrorType.PRECONDITION_FAILED, detail);
    }

    public static ScimException notImplemented(String detail) {
        return of(ScimErrorType.NOT_IMPLEMENTED, detail);
    }

    /** The kind of error. */
    public ScimErrorType type() {
        return type;
    }

    /** The human-readable detail, safe to show to the client. */
    public String detail() {
        return getMessage();
    }

    /** The 0-based character position in the filter or path where parsing failed, if known. */
    public OptionalInt position() {
        return position == NO_POSITION ? OptionalInt.empty() : OptionalInt.of(position);
    }
}
