package org.provisio.scim.resource;

import java.util.Objects;

/** A SCIM {@code string} value. */
public record StringValue(String value) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitString(this);
    }

    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    public static StringValue of(String value) {
        return new StringValue(value);
    }

    @Override
    public String asText() {
        return value;
    }
}
