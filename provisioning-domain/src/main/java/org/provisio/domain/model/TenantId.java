package org.provisio.domain.model;

import java.util.Optional;

/**
 * Identifies an organization: 1 to 64 characters of {@code [A-Za-z0-9_-]}, typically a UUID.
 */
public record TenantId(String value) {
    public TenantId {
        Checks.id(value, "tenantId");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** The id {@code text} spells, or empty when it is null or cannot be one (a path segment names no tenant). */
    public static Optional<TenantId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
