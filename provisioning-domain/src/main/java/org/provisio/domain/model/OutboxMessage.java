package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A side effect that leaves the process, recorded in the same unit of work as the state change
 * that caused it and delivered later: the invitation email or a domain event for the embedding
 * product. The payload is a small string map, e.g. for {@link Kind#INVITATION_EMAIL}:
 * {@code token}, {@code email}, {@code userName}, {@code organization}, {@code expiresAt}.
 */
public record OutboxMessage(String id, TenantId tenantId, UserId userId, Kind kind, Instant createdAt,
                            Map<String, String> payload) {

    /** What the message is. */
    public enum Kind {
        INVITATION_EMAIL, PROVISIONED, ACTIVATED, SUSPENDED, RESTORED, PURGED, HARD_DELETED
    }

    public OutboxMessage {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        payload = Map.copyOf(payload);
    }
}
