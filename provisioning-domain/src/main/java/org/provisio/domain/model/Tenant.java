package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An organization of the embedding product: the unit that SCIM clients provision into, with the
 * {@link ConformanceProfile} its SCIM requests are held to.
 */
public record Tenant(TenantId id, String name, Instant createdAt, ConformanceProfile profile) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Checks.notBlank(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(profile, "profile");
    }

    /** A tenant with the default, lenient profile. */
    public Tenant(TenantId id, String name, Instant createdAt) {
        this(id, name, createdAt, ConformanceProfile.LENIENT);
    }

    /** This tenant held to another profile. */
    public Tenant withProfile(ConformanceProfile newProfile) {
        return new Tenant(id, name, createdAt, newProfile);
    }
}
