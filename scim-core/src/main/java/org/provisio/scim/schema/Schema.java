package org.provisio.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM schema (RFC 7643 §7): its URN id, name, description and top-level attributes,
 * e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}.
 */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes) {
    public Schema {
        Objects.requireNonNull(id, "id");
        if (!id.regionMatches(true, 0, "urn:", 0, 4)) {
            throw new IllegalArgumentException("a schema id is a URN: " + id);
        }
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        attributes = List.copyOf(attributes);
    }

    /** A top-level attribute by name, case-insensitively. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition a : attributes) {
            if (a.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
