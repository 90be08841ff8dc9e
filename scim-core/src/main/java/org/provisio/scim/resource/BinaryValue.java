package org.provisio.scim.resource;

import java.util.Objects;

/** A SCIM {@code binary} value, kept as its base64 text (RFC 7643 §2.3.6). */
public record BinaryValue(String base64) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBinary(this);
    }

    public BinaryValue {
        Objects.requireNonNull(base64, "base64");
    }

    @Override
    public String asText() {
        return base64;
    }
}
