package org.provisio.domain.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a resource, starting at 1 and incremented by every change; shown to SCIM
 * clients as the weak ETag {@code W/"3"} in {@code meta.version} and compared with {@code If-Match}.
 */
public record Version(long value) {
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    public Version {
        if (value < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    /** The version of a newly created resource. */
    public static Version initial() {
        return new Version(1);
    }

    public static Version of(long value) {
        return new Version(value);
    }

    /** Parses {@code W/"3"} or {@code "3"}; empty for anything else. */
    public static Optional<Version> fromEtag(String etag) {
        Matcher m = ETAG.matcher(etag == null ? "" : etag.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            return Optional.empty();
        }
        return Optional.of(new Version(Long.parseLong(m.group(1))));
    }

    /** The version after this one. */
    public Version next() {
        return new Version(Math.addExact(value, 1));
    }

    /** The weak ETag, {@code W/"<n>"}. */
    public String etag() {
        return "W/\"" + value + "\"";
    }
}
