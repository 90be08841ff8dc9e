package org.provisio.scim.resource;

/** A SCIM {@code integer} value: a whole number without fraction or exponent. */
public record IntegerValue(long value) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitInteger(this);
    }

    public static IntegerValue of(long value) {
        return new IntegerValue(value);
    }

    @Override
    public String asText() {
        return Long.toString(value);
    }
}
