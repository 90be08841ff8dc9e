package org.provisio.scim.path;

import java.util.Objects;

/**
 * An {@code attrPath} of RFC 7644 §3.10: an optional schema URN, an attribute name and an
 * optional sub-attribute name. {@code name.givenName} is {@code (null, "name", "givenName")};
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value} is
 * {@code ("urn:...:User", "manager", "value")}.
 *
 * <p>{@code schemaUrn} and {@code subAttribute} are {@code null} when absent. Equality is exact
 * (the spelling is kept); use {@link #matches(AttributePath)} to compare as SCIM does.
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {
    public AttributePath {
        Objects.requireNonNull(attribute, "attribute");
    }

    /** A path to a top-level attribute of the core schema. */
    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    /** A path to a sub-attribute of a top-level attribute of the core schema. */
    public static AttributePath of(String attribute, String subAttribute) {
        return new AttributePath(null, attribute, subAttribute);
    }

    /** Parses an attribute path; see {@link PathParser}. */
    public static AttributePath parse(String text) {
        return PathParser.parseAttributePath(text);
    }

    public boolean hasSchemaUrn() {
        return schemaUrn != null;
    }

    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** The path without its sub-attribute. */
    public AttributePath parent() {
        return subAttribute == null ? this : new AttributePath(schemaUrn, attribute, null);
    }

    /** This path with a sub-attribute. */
    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schemaUrn, attribute, sub);
    }

    /** Case-insensitive comparison (RFC 7643 §2.1); an absent URN matches any URN. */
    public boolean matches(AttributePath other) {
        return attribute.equalsIgnoreCase(other.attribute)
                && (subAttribute == null ? other.subAttribute == null
                        : subAttribute.equalsIgnoreCase(other.subAttribute))
                && (schemaUrn == null || other.schemaUrn == null || schemaUrn.equalsIgnoreCase(other.schemaUrn));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (schemaUrn != null) {
            sb.append(schemaUrn).append(':');
        }
        sb.append(attribute);
        if (subAttribute != null) {
            sb.append('.').append(subAttribute);
        }
        return sb.toString();
    }
}
