package org.provisio.scim.resource;

/**
 * The JSON {@code null}: in a request it means "unassigned" (RFC 7643 §2.5); only request bodies
 * carry it, until schema validation drops it.
 */
public enum NullValue implements Value {
    INSTANCE;

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitNull(this);
    }

    @Override
    public boolean isUnassigned() {
        return true;
    }
}
