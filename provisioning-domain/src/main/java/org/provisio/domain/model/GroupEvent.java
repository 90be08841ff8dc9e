package org.provisio.domain.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of a group an embedding product subscribes to (to mirror teams or roles): created,
 * updated (renamed, or its {@code externalId} changed), members added or removed, deleted. A
 * membership change names the member ids; a large change comes as several events of at most
 * {@link #MAX_MEMBERS_PER_EVENT} ids each, in order. {@code id} is the outbox message's id: delivery
 * is at-least-once. A user's removal (hard delete, purge) takes it out of its groups without a group
 * event: the user's own {@code hard_deleted}/{@code purged} event says so.
 */
public record GroupEvent(String id, Type type, TenantId tenantId, GroupId groupId, Instant at,
                         Optional<String> displayName, List<UserId> added, List<UserId> removed) {
    /** The most member ids one event carries. */
    public static final int MAX_MEMBERS_PER_EVENT = 500;

    /** The kinds of change. */
    public enum Type { CREATED, UPDATED, MEMBERS_CHANGED, DELETED }

    public GroupEvent {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(displayName, "displayName");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The event a group's outbox message carries; empty for any other message. */
    public static Optional<GroupEvent> of(OutboxMessage m) {
        if (!m.kind().isGroupEvent() || !(m.subject() instanceof OutboxMessage.Subject.OfGroup group)) {
            return Optional.empty();
        }
        Type type = Type.valueOf(m.kind().name().substring("GROUP_".length()));
        return Optional.of(new GroupEvent(m.id(), type, m.tenantId(), group.id(), m.createdAt(),
                Optional.ofNullable(m.payload().get("displayName")), ids(m.payload(), "added"),
                ids(m.payload(), "removed")));
    }

    private static List<UserId> ids(Map<String, String> payload, String key) {
        String text = payload.getOrDefault(key, "");
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(UserId::of).toList();
    }
}
