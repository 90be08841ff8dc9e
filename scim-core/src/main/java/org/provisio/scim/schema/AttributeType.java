package org.provisio.scim.schema;

/** The SCIM data types of RFC 7643 §2.3, with their names in schema documents. */
public enum AttributeType {
    STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"),
    DATE_TIME("dateTime"), BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

    private final String schemaName;

    AttributeType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The name used in a {@code /Schemas} document, e.g. {@code dateTime}. */
    public String schemaName() {
        return schemaName;
    }
}
