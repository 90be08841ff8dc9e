package org.provisio.domain.model;

import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * How much one user may hold, so that one tenant's data cannot hurt everyone: at most
 * {@code maxValues} values in any multi-valued attribute ({@code emails}, {@code phoneNumbers},
 * an extension's list...) and at most {@code maxChars} characters of attribute names and values in
 * all. Real directories stay far below the defaults (100 values, 100,000 characters); a user
 * beyond them is refused with {@code invalidValue} naming the limit, whether it came by POST, PUT or
 * a PATCH that would grow it. Group memberships are not attributes of the user and are not counted.
 */
public record ResourceLimits(int maxValues, int maxChars) {
    /** 100 values per multi-valued attribute, 100,000 characters per user. */
    public static final ResourceLimits DEFAULT = new ResourceLimits(100, 100_000);

    public ResourceLimits {
        if (maxValues < 1 || maxChars < 1_000) {
            throw new IllegalArgumentException("maxValues must be positive and maxChars at least 1000");
        }
    }

    /** Refuses {@code attributes} with {@code invalidValue} if they exceed a limit. */
    public void check(ComplexValue attributes) {
        long chars = attributes.accept(new Measure(null));
        if (chars > maxChars) {
            throw ScimException.invalidValue("The resource holds " + chars + " characters; at most " + maxChars
                    + " are allowed");
        }
    }

    /** Counts characters, refusing an oversized list on the way. */
    private final class Measure implements Value.Visitor<Long> {
        private final String attribute;

        Measure(String attribute) {
            this.attribute = attribute;
        }

        @Override
        public Long visitString(StringValue value) {
            return (long) value.value().length();
        }

        @Override
        public Long visitBoolean(BooleanValue value) {
            return 5L;
        }

        @Override
        public Long visitInteger(IntegerValue value) {
            return 20L;
        }

        @Override
        public Long visitDecimal(DecimalValue value) {
            return (long) value.value().toString().length();
        }

        @Override
        public Long visitDateTime(DateTimeValue value) {
            return 30L;
        }

        @Override
        public Long visitBinary(BinaryValue value) {
            return (long) value.base64().length();
        }

        @Override
        public Long visitReference(ReferenceValue value) {
            return (long) value.uri().length();
        }

        @Override
        public Long visitComplex(ComplexValue value) {
            long total = 0;
            for (int i = 0; i < value.size(); i++) {
                String name = value.nameAt(i);
                total += name.length() + value.valueAt(i).accept(new Measure(attribute == null ? name
                        : attribute + "." + name));
            }
            return total;
        }

        @Override
        public Long visitMulti(MultiValue value) {
            if (value.size() > maxValues) {
                throw ScimException.invalidValue("\"" + attribute + "\" has " + value.size() + " values; at most "
                        + maxValues + " are allowed");
            }
            long total = 0;
            for (Value v : value.values()) {
                total += v.accept(this);
            }
            return total;
        }

        @Override
        public Long visitNull(NullValue value) {
            return 4L;
        }
    }
}
