package org.provisio.domain.model;

import java.util.Objects;
import org.provisio.scim.text.CaseFolding;

/**
 * A SCIM {@code userName} as the client spelt it. {@code userName} is not case-exact (RFC 7643
 * §4.1.1), so uniqueness, filters and sorting decide on {@link #key()}, its
 * {@linkplain CaseFolding#fold case fold}: {@code BJensen@example.com} and {@code bjensen@example.com}
 * collide, and so do {@code ας} and {@code ασ}, on every store.
 */
public record UserName(String value) {
    /** The longest userName. */
    public static final int MAX_LENGTH = 256;

    public UserName {
        Checks.notBlank(value, "userName");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("userName must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static UserName of(String value) {
        return new UserName(value);
    }

    /** The case fold that uniqueness, {@code userName eq} and sorting are decided on. */
    public String key() {
        return CaseFolding.fold(value);
    }

    /** Whether both names are the same ignoring case. */
    public boolean sameAs(UserName other) {
        Objects.requireNonNull(other, "other");
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
