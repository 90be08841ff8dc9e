package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A side effect that leaves the process, recorded in the same unit of work as the state change
 * that caused it and delivered later: the invitation email or a domain event for the embedding
 * product. The payload is a small string map, e.g. for {@link Kind#INVITATION_EMAIL}:
 * {@code token}, {@code email}, {@code userName}, {@code organization}, {@code expiresAt}.
 *
 * <p>{@code id} is the message's idempotency key: delivery is at-least-once, and every repeat
 * of a message carries the same id ({@link InvitationEmail#id()}, {@link LifecycleEvent#id()},
 * the webhook's {@code Provisio-Event-Id} header). {@code attempts} counts the failed deliveries
 * so far; a message that failed too often is {@linkplain #parkedAt() parked}: kept for the
 * operator to see, never delivered.
 */
public record OutboxMessage(String id, TenantId tenantId, UserId userId, Kind kind, Instant createdAt,
                            Map<String, String> payload, int attempts, Optional<Instant> parkedAt) {

    /** What the message is. */
    public enum Kind {
        INVITATION_EMAIL, PROVISIONED, ACTIVATED, SUSPENDED, RESTORED, PURGED, HARD_DELETED
    }

    /** Where a message is in its delivery; delivered messages leave the outbox. */
    public enum State {
        /** Not attempted yet, or being attempted for the first time. */
        PENDING,
        /** Failed at least once; waiting for its next attempt. */
        RETRYING,
        /** Failed too often; never attempted again. */
        PARKED
    }

    public OutboxMessage {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        payload = Map.copyOf(payload);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(parkedAt, "parkedAt");
    }

    /** A new message: never attempted, not parked. */
    public OutboxMessage(String id, TenantId tenantId, UserId userId, Kind kind, Instant createdAt,
                         Map<String, String> payload) {
        this(id, tenantId, userId, kind, createdAt, payload, 0, Optional.empty());
    }

    /** Its state, from {@link #attempts()} and {@link #parkedAt()}. */
    public State state() {
        return parkedAt.isPresent() ? State.PARKED : attempts > 0 ? State.RETRYING : State.PENDING;
    }
}
