package org.provisio.scim.resource;

import java.math.BigDecimal;
import java.util.Objects;

/** A SCIM {@code decimal} value: a real number with at least one digit after the point. */
public record DecimalValue(BigDecimal value) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDecimal(this);
    }

    public DecimalValue {
        Objects.requireNonNull(value, "value");
    }

    public static DecimalValue of(BigDecimal value) {
        return new DecimalValue(value);
    }

    @Override
    public String asText() {
        return value.toPlainString();
    }

    /** Numeric equality: {@code 1.0} equals {@code 1.00}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DecimalValue d && d.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }
}
