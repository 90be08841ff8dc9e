package org.provisio.scim.schema;

import java.util.Objects;

/** A schema extension of a resource type, and whether resources must carry it (RFC 7643 §6). */
public record SchemaExtension(String schema, boolean required) {
    public SchemaExtension {
        Objects.requireNonNull(schema, "schema");
    }
}
