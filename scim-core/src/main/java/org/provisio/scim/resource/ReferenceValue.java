package org.provisio.scim.resource;

import java.util.Objects;

/** A SCIM {@code reference} value: a URI, case-exact (RFC 7643 §2.3.7). */
public record ReferenceValue(String uri) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitReference(this);
    }

    public ReferenceValue {
        Objects.requireNonNull(uri, "uri");
    }

    @Override
    public String asText() {
        return uri;
    }
}
