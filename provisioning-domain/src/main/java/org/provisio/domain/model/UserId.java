package org.provisio.domain.model;

/**
 * Identifies a user, the SCIM {@code id} of {@code /Users/{id}}: 1 to 64 characters of {@code [A-Za-z0-9_-]}, typically a UUID.
 */
public record UserId(String value) {
    public UserId {
        Checks.id(value, "userId");
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
