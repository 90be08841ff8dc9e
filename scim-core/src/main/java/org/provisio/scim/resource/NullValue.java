package org.provisio.scim.resource;

/**
 * The JSON {@code null}: in a request it means "unassigned" (RFC 7643 §2.5); a
 * {@link ComplexValue} never stores it.
 */
public enum NullValue implements Value {
    INSTANCE;

    @Override
    public boolean isUnassigned() {
        return true;
    }
}
