package org.provisio.scim.path;

import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;

/**
 * Parses attribute paths (RFC 7644 §3.10) and PATCH paths (RFC 7644 §3.5.2). Every error is an
 * {@code invalidPath} {@link ScimException} carrying the 0-based character position.
 *
 * <pre>
 * attrPath  = [URI ":"] ATTRNAME ["." ATTRNAME]        name.givenName
 * PATH      = attrPath / valuePath ["." ATTRNAME]      emails[type eq "work"].value
 * valuePath = attrPath "[" valFilter "]"
 * ATTRNAME  = ALPHA *("-" / "_" / DIGIT / ALPHA) / "$ref"
 * </pre>
 *
 * <p>The schema URI is everything up to the last {@code ':'}, so
 * {@code urn:ietf:params:scim:schemas:core:2.0:User:name.familyName} is the URN
 * {@code urn:ietf:params:scim:schemas:core:2.0:User} with {@code name.familyName}. Leading and
 * trailing whitespace is ignored; names keep their spelling.
 */
public final class PathParser {
    /** The longest path accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;

    private static final String REF = "$ref";

    private PathParser() {
    }

    /**
     * Parses an {@code attrPath} such as
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
     */
    public static AttributePath parseAttributePath(String text) {
        checkLength(text);
        int start = skipSpace(text, 0);
        int end = trimEnd(text, start);
        if (start == end) {
            throw ScimException.invalidPath("the path is empty", end);
        }
        return attributePath(text, start, end);
    }

    /** Parses a PATCH {@code path}: an attribute path, a value path, or a value path with a sub-attribute. */
    public static PatchPath parsePatchPath(String text) {
        checkLength(text);
        int start = skipSpace(text, 0);
        int end = trimEnd(text, start);
        if (start == end) {
            throw ScimException.invalidPath("the path is empty", end);
        }
        int open = text.indexOf('[', start);
        if (open < 0 || open >= end) {
            return PatchPath.of(attributePath(text, start, end));
        }
        int attrEnd = trimEnd(text.substring(0, open), start);
        if (attrEnd == start) {
            throw ScimException.invalidPath("expected an attribute name before '['", start);
        }
        AttributePath attribute = attributePath(text, start, attrEnd);
        int close = closingBracket(text, open, end);
        Filter filter = valueFilter(text, open + 1, close);
        if (close + 1 == end) {
            return new PatchPath(attribute, filter, null);
        }
        if (text.charAt(close + 1) != '.') {
            throw ScimException.invalidPath("unexpected '" + text.charAt(close + 1) + "' after ']'", close + 1);
        }
        if (attribute.hasSubAttribute()) {
            throw ScimException.invalidPath("a sub-attribute cannot follow a value path on a sub-attribute", close + 1);
        }
        String sub = name(text, close + 2, end);
        return new PatchPath(attribute, filter, sub);
    }

    private static void checkLength(String text) {
        if (text == null) {
            throw ScimException.invalidPath("a path is required", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw ScimException.invalidPath("the path is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
    }

    /** The position of the {@code ']'} closing the {@code '['} at {@code open}, skipping string literals. */
    private static int closingBracket(String text, int open, int end) {
        int i = open + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i, end);
                if (i < 0) {
                    break;
                }
            } else if (c == '[') {
                throw ScimException.invalidPath("value paths cannot be nested", i);
            } else if (c == ']') {
                return i;
            }
            i++;
        }
        // No closing bracket: report what is wrong inside first (e.g. an unterminated string), then the bracket.
        valueFilter(text, open + 1, end);
        throw ScimException.invalidPath("missing ']' for the '[' at position " + open, end);
    }

    /** The position of the quote closing the string opened at {@code quote}, or -1. */
    private static int endOfString(String text, int quote, int end) {
        for (int i = quote + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static Filter valueFilter(String text, int start, int end) {
        try {
            return Filter.parse(text.substring(start, end));
        } catch (ScimException e) {
            if (e.type() != ScimErrorType.INVALID_FILTER) {
                throw e;
            }
            throw ScimException.invalidPath("invalid value filter: " + e.detail(), start + e.position().orElse(0));
        }
    }

    /** Parses {@code text[start, end)} as an attribute path; positions in errors are positions in {@code text}. */
    static AttributePath attributePath(String text, int start, int end) {
        String urn = null;
        int nameStart = start;
        int colon = text.lastIndexOf(':', end - 1);
        if (colon >= start) {
            checkUri(text, start, colon);
            urn = text.substring(start, colon);
            nameStart = colon + 1;
        }
        int dot = text.indexOf('.', nameStart);
        if (dot >= end) {
            dot = -1;
        }
        String attribute = name(text, nameStart, dot < 0 ? end : dot);
        String sub = dot < 0 ? null : name(text, dot + 1, end);
        return new AttributePath(urn, attribute, sub);
    }

    /** Checks an ATTRNAME in {@code text[start, end)} and returns it. */
    private static String name(String text, int start, int end) {
        if (start >= end) {
            throw ScimException.invalidPath("expected an attribute name", start);
        }
        if (end - start == REF.length() && text.startsWith(REF, start)) {
            return REF;
        }
        if (!isAlpha(text.charAt(start))) {
            throw ScimException.invalidPath("an attribute name starts with a letter, not '" + text.charAt(start) + "'",
                    start);
        }
        for (int i = start + 1; i < end; i++) {
            char c = text.charAt(i);
            if (!isNameChar(c)) {
                throw ScimException.invalidPath("unexpected '" + c + "' in an attribute name", i);
            }
        }
        return text.substring(start, end);
    }

    /** Checks that {@code text[start, end)} looks like an absolute URI: {@code scheme ":" rest}. */
    private static void checkUri(String text, int start, int end) {
        if (start == end) {
            throw ScimException.invalidPath("expected a schema URN before ':'", start);
        }
        if (!isAlpha(text.charAt(start))) {
            throw ScimException.invalidPath("a schema URN starts with a letter", start);
        }
        int i = start + 1;
        while (i < end && text.charAt(i) != ':') {
            char c = text.charAt(i);
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
                throw ScimException.invalidPath("unexpected '" + c + "' in a schema URN", i);
            }
            i++;
        }
        if (i >= end - 1) {
            throw ScimException.invalidPath("a schema URN has the form scheme:name (urn:...)", i >= end ? start : i);
        }
        for (i++; i < end; i++) {
            char c = text.charAt(i);
            if (!isUriChar(c)) {
                throw ScimException.invalidPath("unexpected '" + c + "' in a schema URN", i);
            }
        }
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start) {
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameChar(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '_';
    }

    /** RFC 3986 unreserved, sub-delims (without parentheses), '%', ':', '@', '/', '?'. */
    private static boolean isUriChar(char c) {
        return isAlpha(c) || isDigit(c) || "-._~%!$&'*+,;=:@/?".indexOf(c) >= 0;
    }
}
