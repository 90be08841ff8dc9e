package org.provisio.scim.bulk;

import java.util.Locale;
import java.util.Optional;

/** The HTTP method of a bulk operation (RFC 7644 §3.7): the four that change resources. */
public enum BulkMethod {
    POST, PUT, PATCH, DELETE;

    /** The method of a name in any case ({@code "post"} is {@link #POST}); empty for any other name. */
    public static Optional<BulkMethod> fromName(String name) {
        for (BulkMethod m : values()) {
            if (m.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether the operation carries a resource or PATCH body in {@code data}: all but DELETE. */
    public boolean needsData() {
        return this != DELETE;
    }
}
