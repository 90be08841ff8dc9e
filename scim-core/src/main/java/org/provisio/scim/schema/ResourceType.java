package org.provisio.scim.schema;

import java.util.List;
import java.util.Objects;

/**
 * A SCIM resource type (RFC 7643 §6): e.g. {@code User} at {@code /Users} with core schema
 * {@code urn:ietf:params:scim:schemas:core:2.0:User} and the Enterprise User extension.
 */
public record ResourceType(String id, String name, String endpoint, String description, String schema,
                           List<SchemaExtension> schemaExtensions) {
    public ResourceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        description = description == null ? "" : description;
        Objects.requireNonNull(schema, "schema");
        schemaExtensions = List.copyOf(schemaExtensions);
    }
}
