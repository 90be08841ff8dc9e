package org.provisio.scim.schema;

/** RFC 7643 §7 {@code uniqueness}. */
public enum Uniqueness {
    NONE("none"), SERVER("server"), GLOBAL("global");

    private final String schemaName;

    Uniqueness(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }
}
