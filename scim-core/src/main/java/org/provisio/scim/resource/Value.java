package org.provisio.scim.resource;

/**
 * A SCIM attribute value (RFC 7643 §2.3): one of the simple types, a complex value, a
 * multi-valued list, or {@code null} (an unassigned value, RFC 7643 §2.5).
 *
 * <p>The set is closed, so a {@code switch} over a value is checked by the compiler.
 */
public sealed interface Value
        permits StringValue, BooleanValue, IntegerValue, DecimalValue, DateTimeValue, BinaryValue,
                ReferenceValue, ComplexValue, MultiValue, NullValue {

    /** Whether this value counts as "unassigned" for SCIM: {@code null}, an empty list or an empty complex value. */
    default boolean isUnassigned() {
        return false;
    }

    /** The string form of a simple value, or {@code null} for complex, multi-valued and null values. */
    default String asText() {
        return null;
    }
}
