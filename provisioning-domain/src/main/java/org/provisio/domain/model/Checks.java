package org.provisio.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the value objects. */
final class Checks {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Checks() {
    }

    /** An identifier: 1 to 64 characters of {@code [A-Za-z0-9_-]}, so it is safe in a URL path and in a token. */
    static String id(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of [A-Za-z0-9_-]");
        }
        return value;
    }

    static String notBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
