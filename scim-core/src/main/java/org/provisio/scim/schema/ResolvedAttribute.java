package org.provisio.scim.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an attribute path leads in a resource: the schema it belongs to, the top-level
 * definition and, for {@code a.b} paths, the sub-attribute definition.
 *
 * @param schema         the schema URN that owns the attribute ({@code null} for the common attributes)
 * @param extension      whether the attribute sits in an extension, i.e. under the key {@code schema} of the resource
 * @param attribute      the top-level attribute
 * @param subAttribute   the sub-attribute, or {@code null}
 */
public record ResolvedAttribute(String schema, boolean extension, AttributeDefinition attribute,
                                AttributeDefinition subAttribute) {
    public ResolvedAttribute {
        Objects.requireNonNull(attribute, "attribute");
        if (extension && schema == null) {
            throw new IllegalArgumentException("an extension attribute names its schema");
        }
    }

    /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
    public AttributeDefinition leaf() {
        return subAttribute != null ? subAttribute : attribute;
    }

    public Optional<AttributeDefinition> sub() {
        return Optional.ofNullable(subAttribute);
    }
}
