package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lifecycle change an embedding product subscribes to (to open, lock or wipe the person's
 * account): what happened to which user of which tenant, and when. {@code id} is the outbox
 * message's id: delivery is at-least-once, so a listener uses it to ignore a repeat.
 */
public record LifecycleEvent(String id, Type type, TenantId tenantId, UserId userId, Instant at) {
    /** The kinds of change. */
    public enum Type { PROVISIONED, ACTIVATED, SUSPENDED, RESTORED, PURGED, HARD_DELETED }

    public LifecycleEvent {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
    }

    /** The event an outbox message carries; empty for the invitation email and group events. */
    public static Optional<LifecycleEvent> of(OutboxMessage m) {
        if (m.kind() == OutboxMessage.Kind.INVITATION_EMAIL || m.kind().isGroupEvent()) {
            return Optional.empty();
        }
        return Optional.of(new LifecycleEvent(m.id(), Type.valueOf(m.kind().name()), m.tenantId(), m.userId(),
                m.createdAt()));
    }
}
