package org.provisio.domain.model;

import org.provisio.scim.message.EntityTag;
import org.provisio.scim.text.CaseFolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.CoreSchemas;

/**
 * A group without its members: what a user's {@code groups} attribute names, and what a read with
 * {@code excludedAttributes=members} needs, so that neither has to load a large membership.
 * The {@link #version()} moves on with every change of the group, membership included.
 *
 * <p>{@code displayName} is unique per tenant ignoring case: uniqueness is decided on
 * {@link #displayNameKey()}, its {@linkplain CaseFolding#fold case fold}, the same fold
 * {@code displayName eq "..."} compares with, so that filters and uniqueness agree.
 */
public record GroupHeader(GroupId id, TenantId tenantId, String displayName, Optional<String> externalId,
                          Version version, Instant createdAt, Instant lastModifiedAt) {
    /** The longest {@code displayName} (Entra ID's limit for a group name). */
    public static final int MAX_DISPLAY_NAME = 256;
    /** The longest {@code externalId}. */
    public static final int MAX_EXTERNAL_ID = 1024;

    public GroupHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Checks.notBlank(displayName, "displayName");
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("displayName must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isPresent() && externalId.get().length() > MAX_EXTERNAL_ID) {
            throw new IllegalArgumentException("externalId must be at most " + MAX_EXTERNAL_ID + " characters");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    }

    /** The case fold uniqueness is decided on: two names have the same key exactly when they are equal ignoring case. */
    public static String displayNameKey(String displayName) {
        return CaseFolding.fold(displayName);
    }

    /** {@link #displayNameKey(String)} of this group's name. */
    public String displayNameKey() {
        return displayNameKey(displayName);
    }

    /** Whether the client attributes equal those given. */
    public boolean hasAttributes(String otherDisplayName, Optional<String> otherExternalId) {
        return displayName.equals(otherDisplayName) && externalId.equals(otherExternalId);
    }

    /** A copy with new client attributes, at the next version. */
    public GroupHeader withAttributes(String newDisplayName, Optional<String> newExternalId, Instant at) {
        return new GroupHeader(id, tenantId, newDisplayName, newExternalId, version.next(), createdAt, at);
    }

    /** The same attributes at the next version: its membership changed. */
    public GroupHeader touched(Instant at) {
        return new GroupHeader(id, tenantId, displayName, externalId, version.next(), createdAt, at);
    }

    /**
     * The SCIM representation without {@code meta.location}: {@code schemas}, {@code id},
     * {@code externalId}, {@code displayName}, {@code members} (the given elements, omitted when
     * there are none) and {@code meta}.
     */
    public ComplexValue toScim(List<? extends Value> members) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of(CoreSchemas.GROUP_URN)))
                .put("id", id.value());
        externalId.ifPresent(e -> b.put("externalId", e));
        b.put("displayName", displayName);
        if (!members.isEmpty()) {
            b.put("members", new MultiValue(List.copyOf(members)));
        }
        b.put("meta", ComplexValue.of(
                "resourceType", StringValue.of("Group"),
                "created", DateTimeValue.of(createdAt),
                "lastModified", DateTimeValue.of(lastModifiedAt),
                "version", StringValue.of(EntityTag.weak(version.value()))));
        return b.build();
    }

    /**
     * The SCIM representation that filters are evaluated over in stores: members as
     * {@code {"value": "<id>", "type": "User"}} (without {@code display}).
     */
    public ComplexValue toScimForFilter(Collection<UserId> members) {
        List<Value> elements = new ArrayList<>(members.size());
        for (UserId m : members) {
            elements.add(ComplexValue.of("value", StringValue.of(m.value()), "type", StringValue.of("User")));
        }
        return toScim(elements);
    }
}
