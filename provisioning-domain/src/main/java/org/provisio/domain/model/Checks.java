package org.provisio.domain.model;

import java.util.Objects;

/** Validation shared by the value objects. */
final class Checks {
    private Checks() {
    }

    /** An identifier: 1 to 64 characters of {@code [A-Za-z0-9_-]}, so it is safe in a URL path and in a token. */
    static String id(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!isId(value)) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of [A-Za-z0-9_-]");
        }
        return value;
    }

    /** {@code [A-Za-z0-9_-]{1,64}}, as a loop: every id of every request is checked (a regex cost 2 % of a GET). */
    private static boolean isId(String value) {
        int length = value.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static String notBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
