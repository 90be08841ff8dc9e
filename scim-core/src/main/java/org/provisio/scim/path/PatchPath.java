package org.provisio.scim.path;

import java.util.Objects;
import org.provisio.scim.filter.Filter;

/**
 * The {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code attrPath},
 * {@code valuePath} or {@code valuePath.subAttr}.
 *
 * <ul>
 *   <li>{@code name.givenName}: attribute {@code name.givenName}, no filter, no sub-attribute;</li>
 *   <li>{@code members[value eq "2819c223"]}: attribute {@code members}, a filter;</li>
 *   <li>{@code emails[type eq "work"].value}: attribute {@code emails}, a filter, sub-attribute {@code value}.</li>
 * </ul>
 * {@code valueFilter} and {@code subAttribute} are {@code null} when absent; a sub-attribute after a
 * filter only appears together with a filter and an {@code attribute} without a sub-attribute of its own.
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {
    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (subAttribute != null && (valueFilter == null || attribute.hasSubAttribute())) {
            throw new IllegalArgumentException("a sub-attribute after a value filter needs the filter");
        }
    }

    public static PatchPath of(AttributePath attribute) {
        return new PatchPath(attribute, null, null);
    }

    /** Parses a PATCH path; see {@link PathParser}. */
    public static PatchPath parse(String text) {
        return PathParser.parsePatchPath(text);
    }

    public boolean hasValueFilter() {
        return valueFilter != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(attribute.toString());
        if (valueFilter != null) {
            sb.append('[').append(valueFilter).append(']');
        }
        if (subAttribute != null) {
            sb.append('.').append(subAttribute);
        }
        return sb.toString();
    }
}
