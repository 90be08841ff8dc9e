package org.provisio.scim.message;

import java.util.OptionalLong;

/**
 * The HTTP entity tags of SCIM resource versions (RFC 7644 §3.14, RFC 7232 §2.3): version 3 is
 * the weak tag {@code W/"3"}, sent as {@code meta.version} and the {@code ETag} header and read
 * back from {@code If-Match} and {@code If-None-Match}. A version is a positive number; the tag is
 * an HTTP detail the domain never spells.
 */
public final class EntityTag {
    private static final int MAX_DIGITS = 18;

    private EntityTag() {
    }

    /** The weak tag of a version: {@code weak(3)} is {@code W/"3"}; the version must be at least 1. */
    public static String weak(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a version is at least 1: " + version);
        }
        return "W/\"" + version + "\"";
    }

    /**
     * The version a tag names: 3 for {@code W/"3"} or {@code "3"}, with whitespace around the tag
     * allowed; empty for anything else, such as {@code *}, {@code W/3}, {@code W/"0"}, {@code "abc"},
     * more than 18 digits, or {@code null}.
     */
    public static OptionalLong version(String etag) {
        if (etag == null) {
            return OptionalLong.empty();
        }
        String tag = etag.trim();
        int start = tag.startsWith("W/") ? 2 : 0;
        int digits = tag.length() - start - 2;
        if (digits < 1 || digits > MAX_DIGITS || tag.charAt(start) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = start + 1; i < tag.length() - 1; i++) {
            char c = tag.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
