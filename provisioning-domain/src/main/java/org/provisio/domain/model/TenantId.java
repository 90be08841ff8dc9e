package org.provisio.domain.model;

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

    @Override
    public String toString() {
        return value;
    }
}
