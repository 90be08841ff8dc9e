package org.provisio.domain.model;

import org.provisio.scim.message.EntityTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.CoreSchemas;

/**
 * A provisioned user: identity, the client's SCIM attributes ({@link #profile()}, everything
 * but {@code id}, {@code meta}, {@code active}, {@code groups}, {@code userName},
 * {@code externalId}, {@code schemas} and {@code password}), its lifecycle {@link #state()}
 * and the version that {@code If-Match} is checked against. Immutable: every change returns a
 * copy with the next version.
 */
public record User(UserId id, TenantId tenantId, UserName userName, Optional<String> externalId,
                   ScimResource profile, UserState state, Version version, Instant createdAt,
                   Instant lastModifiedAt) {

    private static final Set<String> RESERVED = Set.of("id", "meta", "active", "groups", "username",
            "externalid", "schemas", "password");

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
        profile = profileOf(profile);
    }

    /** A user created now, at its first version. */
    public static User create(UserId id, TenantId tenantId, UserName userName, Optional<String> externalId,
                              ScimResource attributes, UserState state, Instant at) {
        return new User(id, tenantId, userName, externalId, attributes, state, Version.initial(), at, at);
    }

    /** The profile part of a SCIM resource: the attributes the domain does not own itself. */
    public static ScimResource profileOf(ScimResource resource) {
        ComplexValue.Builder b = ComplexValue.builder();
        ComplexValue attributes = resource.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            String name = attributes.nameAt(i);
            Value value = attributes.valueAt(i);
            if (!RESERVED.contains(name.toLowerCase(Locale.ROOT)) && !value.isUnassigned()) {
                b.put(name, value);
            }
        }
        return ScimResource.of(b.build());
    }

    public UserStatus status() {
        return state.status();
    }

    /**
     * Where to send the user's invitation: the primary email, else the first one, else the
     * userName if it looks like an address.
     */
    public Optional<String> email() {
        String first = null;
        for (Value v : profile.attributes().getMulti("emails").values()) {
            if (v instanceof ComplexValue c && c.getText("value").isPresent()) {
                String value = c.getText("value").get();
                if (c.getOrNull("primary") instanceof BooleanValue b && b.value()) {
                    return Optional.of(value);
                }
                first = first == null ? value : first;
            }
        }
        if (first != null) {
            return Optional.of(first);
        }
        return userName.value().contains("@") ? Optional.of(userName.value()) : Optional.empty();
    }

    /**
     * A copy with new client attributes and possibly a new state, at the next version: one change,
     * one version, however much of the user it touches.
     */
    public User changed(UserName newUserName, Optional<String> newExternalId, ScimResource newProfile,
                        UserState newState, Instant at) {
        return new User(id, tenantId, newUserName, newExternalId, newProfile, newState, version.next(), createdAt, at);
    }

    /**
     * A copy at the next version, last modified {@code at}, with nothing else changed: something
     * outside the user that its representation shows (its groups) changed.
     */
    public User touched(Instant at) {
        return new User(id, tenantId, userName, externalId, profile, state, version.next(), createdAt, at);
    }

    /** A copy in another state, at the next version. */
    public User withState(UserState newState, Instant at) {
        return new User(id, tenantId, userName, externalId, profile, newState, version.next(), createdAt, at);
    }

    /** A copy with new client attributes, at the next version. */
    public User withAttributes(UserName newUserName, Optional<String> newExternalId, ScimResource newProfile,
                               Instant at) {
        return new User(id, tenantId, newUserName, newExternalId, newProfile, state, version.next(), createdAt, at);
    }

    /** Whether the client attributes equal those given (userName compared with its spelling). */
    public boolean hasAttributes(UserName otherUserName, Optional<String> otherExternalId, ScimResource otherProfile) {
        return userName.equals(otherUserName) && externalId.equals(otherExternalId)
                && profile.equals(profileOf(otherProfile));
    }

    /**
     * The SCIM representation: {@code schemas}, {@code id}, {@code externalId}, {@code userName},
     * the profile, {@code active} derived from the state, {@code groups} and {@code meta}
     * (without {@code location}, which the HTTP edge adds).
     */
    public ComplexValue toScim(Collection<GroupHeader> groups) {
        List<Value> schemas = new ArrayList<>();
        schemas.add(StringValue.of(CoreSchemas.USER_URN));
        ComplexValue p = profile.attributes();
        for (String name : p.names()) {
            if (name.regionMatches(true, 0, "urn:", 0, 4) && p.getOrNull(name) instanceof ComplexValue) {
                schemas.add(StringValue.of(name));
            }
        }
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", new MultiValue(schemas))
                .put("id", id.value());
        externalId.ifPresent(e -> b.put("externalId", e));
        b.put("userName", userName.value());
        for (int i = 0; i < p.size(); i++) {
            b.put(p.nameAt(i), p.valueAt(i));
        }
        b.put("active", BooleanValue.of(state.active()));
        if (!groups.isEmpty()) {
            List<Value> refs = new ArrayList<>();
            for (GroupHeader g : groups) {
                refs.add(ComplexValue.of("value", StringValue.of(g.id().value()),
                        "display", StringValue.of(g.displayName()), "type", StringValue.of("direct")));
            }
            b.put("groups", new MultiValue(refs));
        }
        b.put("meta", ComplexValue.of(
                "resourceType", StringValue.of("User"),
                "created", DateTimeValue.of(createdAt),
                "lastModified", DateTimeValue.of(lastModifiedAt),
                "version", StringValue.of(EntityTag.weak(version.value()))));
        return b.build();
    }
}
