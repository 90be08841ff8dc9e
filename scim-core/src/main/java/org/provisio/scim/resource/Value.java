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

    /**
     * Dispatches on the kind of value. Java 17 has no exhaustive pattern {@code switch}, so this
     * visitor is how code over values gets the compiler to check that every kind is handled.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of value; see {@link #accept(Visitor)}. */
    interface Visitor<R> {
        R visitString(StringValue value);

        R visitBoolean(BooleanValue value);

        R visitInteger(IntegerValue value);

        R visitDecimal(DecimalValue value);

        R visitDateTime(DateTimeValue value);

        R visitBinary(BinaryValue value);

        R visitReference(ReferenceValue value);

        R visitComplex(ComplexValue value);

        R visitMulti(MultiValue value);

        R visitNull(NullValue value);
    }

    /** Whether this value counts as "unassigned" for SCIM: {@code null}, an empty list or an empty complex value. */
    default boolean isUnassigned() {
        return false;
    }

    /** The string form of a simple value, or {@code null} for complex, multi-valued and null values. */
    default String asText() {
        return null;
    }
}
