package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An organization of the embedding product: the unit that SCIM clients provision into. */
public record Tenant(TenantId id, String name, Instant createdAt) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Checks.notBlank(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
