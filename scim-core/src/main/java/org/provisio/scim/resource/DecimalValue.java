package org.provisio.scim.resource;

import java.math.BigDecimal;
import java.util.Objects;

/** A SCIM {@code decimal} value: a real number with at least one digit after the point. */
public record DecimalValue(BigDecimal value) implements Value {
    /** The largest exponent, either way, written out in plain notation by {@link #asText()}. */
    private static final int MAX_PLAIN_SCALE = 100;

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

    /**
     * Plain notation ({@code 12500} for {@code 12.5e3}), except for exponents so large that the plain
     * form would be huge: {@code 1e999999999} stays {@code 1E+999999999} rather than a billion digits.
     */
    @Override
    public String asText() {
        int scale = value.scale();
        return scale >= -MAX_PLAIN_SCALE && scale <= MAX_PLAIN_SCALE ? value.toPlainString() : value.toString();
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
