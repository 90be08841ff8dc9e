package org.provisio.domain.model;

import java.util.Locale;

/**
 * A SCIM {@code userName} as the client spelt it. Uniqueness is decided on {@link #key()}, the
 * case-folded form, so {@code BJensen@example.com} and {@code bjensen@example.com} collide.
 */
public record UserName(String value) {
    public UserName {
        Checks.notBlank(value, "userName");
        if (value.length() > 256) {
            throw new IllegalArgumentException("userName must be at most 256 characters");
        }
    }

    public static UserName of(String value) {
        return new UserName(value);
    }

    /** The case-folded form that uniqueness is decided on. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Whether both names are the same ignoring case. */
    public boolean sameAs(UserName other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
