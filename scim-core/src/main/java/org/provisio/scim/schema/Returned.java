package org.provisio.scim.schema;

/** RFC 7643 §7 {@code returned}. */
public enum Returned {
    ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

    private final String schemaName;

    Returned(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }
}
