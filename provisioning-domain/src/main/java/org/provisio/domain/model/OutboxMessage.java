package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A side effect that leaves the process, recorded in the same unit of work as the state change
 * that caused it and delivered later: the invitation email, or a user's or group's event for the
 * embedding product. The payload is a small string map, e.g. for {@link Kind#INVITATION_EMAIL}:
 * {@code token}, {@code email}, {@code userName}, {@code organization}, {@code expiresAt}.
 *
 * <p>{@code id} is the message's idempotency key: delivery is at-least-once, and every repeat
 * of a message carries the same id ({@link InvitationEmail#id()}, {@link LifecycleEvent#id()},
 * the webhook's {@code Provisio-Event-Id} header). {@code attempts} counts the failed deliveries
 * so far; a message that failed too often is {@linkplain #parkedAt() parked}: kept for the
 * operator to see, never delivered.
 */
public record OutboxMessage(String id, TenantId tenantId, Subject subject, Kind kind, Instant createdAt,
                            Map<String, String> payload, int attempts, Optional<Instant> parkedAt) {

    /** What the message is. */
    public enum Kind {
        INVITATION_EMAIL, PROVISIONED, ACTIVATED, SUSPENDED, RESTORED, PURGED, HARD_DELETED,
        GROUP_CREATED, GROUP_UPDATED, GROUP_MEMBERS_CHANGED, GROUP_DELETED;

        /** A change of a group rather than of a user. */
        public boolean isGroupEvent() {
            return name().startsWith("GROUP_");
        }
    }

    /**
     * What a message is about: a user or a group. The messages of one subject are delivered in the
     * order they were appended; {@link #key()} is how a store keeps that order (a user's plain id,
     * {@code group:<id>} for a group; ids never hold a colon, so the two never meet).
     */
    public sealed interface Subject {
        /** The store's ordering key of the subject. */
        String key();

        /** The target of the subject's audit entries: {@code user:<id>} or {@code group:<id>}. */
        String auditTarget();

        static Subject of(UserId user) {
            return new OfUser(user);
        }

        static Subject of(GroupId group) {
            return new OfGroup(group);
        }

        /** The subject of a {@link #key()}. */
        static Subject parse(String key) {
            return key.startsWith(OfGroup.PREFIX) ? new OfGroup(GroupId.of(key.substring(OfGroup.PREFIX.length())))
                    : new OfUser(UserId.of(key));
        }

        /** A user's messages: invitation emails and lifecycle events. */
        record OfUser(UserId id) implements Subject {
            public OfUser {
                Objects.requireNonNull(id, "id");
            }

            @Override
            public String key() {
                return id.value();
            }

            @Override
            public String auditTarget() {
                return AuditEntry.targetOf(id);
            }
        }

        /** A group's events. */
        record OfGroup(GroupId id) implements Subject {
            static final String PREFIX = "group:";

            public OfGroup {
                Objects.requireNonNull(id, "id");
            }

            @Override
            public String key() {
                return PREFIX + id.value();
            }

            @Override
            public String auditTarget() {
                return AuditEntry.targetOf(id);
            }
        }
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
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        if (kind.isGroupEvent() != (subject instanceof Subject.OfGroup)) {
            throw new IllegalArgumentException(kind + " is not about a " + subject.getClass().getSimpleName());
        }
        Objects.requireNonNull(createdAt, "createdAt");
        payload = Map.copyOf(payload);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Objects.requireNonNull(parkedAt, "parkedAt");
    }

    /** A user's message in a given delivery state. */
    public OutboxMessage(String id, TenantId tenantId, UserId userId, Kind kind, Instant createdAt,
                         Map<String, String> payload, int attempts, Optional<Instant> parkedAt) {
        this(id, tenantId, Subject.of(userId), kind, createdAt, payload, attempts, parkedAt);
    }

    /** A new message about a user: never attempted, not parked. */
    public OutboxMessage(String id, TenantId tenantId, UserId userId, Kind kind, Instant createdAt,
                         Map<String, String> payload) {
        this(id, tenantId, Subject.of(userId), kind, createdAt, payload, 0, Optional.empty());
    }

    /** A new message about a group: never attempted, not parked. */
    public OutboxMessage(String id, TenantId tenantId, GroupId groupId, Kind kind, Instant createdAt,
                         Map<String, String> payload) {
        this(id, tenantId, Subject.of(groupId), kind, createdAt, payload, 0, Optional.empty());
    }

    /** The user a user's message is about; for a group's message, {@code IllegalStateException}. */
    public UserId userId() {
        if (subject instanceof Subject.OfUser user) {
            return user.id();
        }
        throw new IllegalStateException("message " + id + " is about " + subject.key() + ", not a user");
    }

    /** This message in another delivery state, or with another payload. */
    public OutboxMessage with(Map<String, String> newPayload, int newAttempts, Optional<Instant> newParkedAt) {
        return new OutboxMessage(id, tenantId, subject, kind, createdAt, newPayload, newAttempts, newParkedAt);
    }

    /** Its state, from {@link #attempts()} and {@link #parkedAt()}. */
    public State state() {
        return parkedAt.isPresent() ? State.PARKED : attempts > 0 ? State.RETRYING : State.PENDING;
    }
}
