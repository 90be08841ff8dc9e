package org.provisio.domain.model;

/**
 * The version of a resource, starting at 1 and incremented by every change; compared with the
 * version a client names in {@code If-Match}. How it is written on the wire (the weak ETag
 * {@code W/"3"} of {@code meta.version}) is the SCIM language's business, not the domain's.
 */
public record Version(long value) {
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

    /** The version after this one. */
    public Version next() {
        return new Version(Math.addExact(value, 1));
    }
}
