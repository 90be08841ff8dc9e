package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a tenant's audit log: who ({@link Actor}) did what ({@link AuditAction}) to which
 * target (e.g. {@code user:<id>}, {@code credential:<id>}) and when, with a short detail such as
 * the user name. Entries outlive the users they name.
 */
public record AuditEntry(String id, TenantId tenantId, Actor actor, AuditAction action, String target,
                         Instant at, String detail) {
    public AuditEntry {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Checks.notBlank(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
