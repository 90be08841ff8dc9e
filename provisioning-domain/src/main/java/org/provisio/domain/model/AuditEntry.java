package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a tenant's audit log: who ({@link Actor}) did what ({@link AuditAction}) to which
 * target (e.g. {@code user:<id>}, {@code credential:<id>}) and when, with a short detail such as
 * the user name, and the {@link RequestId} of the request that made the change (the id in its
 * {@code X-Request-Id} response header and access-log line); empty for what Provisio did on its own,
 * such as a purge. Entries outlive the users they name.
 */
public record AuditEntry(String id, TenantId tenantId, Actor actor, AuditAction action, String target,
                         Instant at, String detail, Optional<RequestId> requestId) {
    public AuditEntry {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Checks.notBlank(target, "target");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** An entry that no request made. */
    public AuditEntry(String id, TenantId tenantId, Actor actor, AuditAction action, String target, Instant at,
                      String detail) {
        this(id, tenantId, actor, action, target, at, detail, Optional.empty());
    }

    /** The target of an entry about a user, {@code user:<id>}: what erasure, export and the trails look for. */
    public static String targetOf(UserId user) {
        return "user:" + user.value();
    }

    /** The target of an entry about a group, {@code group:<id>}. */
    public static String targetOf(GroupId group) {
        return "group:" + group.value();
    }
}
