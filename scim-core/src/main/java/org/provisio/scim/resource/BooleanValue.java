package org.provisio.scim.resource;

/** A SCIM {@code boolean} value. */
public record BooleanValue(boolean value) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBoolean(this);
    }

    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String asText() {
        return Boolean.toString(value);
    }
}
