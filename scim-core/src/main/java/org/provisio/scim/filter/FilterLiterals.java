package org.provisio.scim.filter;

import java.math.BigDecimal;
import java.util.List;
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
 * Writes a comparison value back in filter syntax so that {@link FilterParser} reads the same
 * value again: a JSON string with escapes, {@code true}/{@code false}/{@code null}, or a JSON
 * number. A decimal always keeps a fraction or exponent ({@code 2.0}, {@code 1E+5}) so that it
 * does not come back as an integer. Date-times, references and binaries are written as strings.
 */
final class FilterLiterals {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FilterLiterals() {
    }

    static String write(Value value) {
        return value.accept(WRITER);
    }

    /**
     * Writes {@code and}/{@code or} in parentheses, a left-deep chain of the same operator without inner
     * parentheses: {@code And(And(a, b), c)} is {@code (a and b and c)}, not {@code ((a and b) and c)}. The
     * parser reads it back as the same tree (both operators are left-associative), and a long chain does not
     * turn into nesting deeper than the parser accepts.
     */
    static String chain(Filter.And and) {
        return chain(Chains.operands(and, false), " and ");
    }

    /** Writes {@code or} as {@link #chain(Filter.And)} writes {@code and}. */
    static String chain(Filter.Or or) {
        return chain(Chains.operands(or, false), " or ");
    }

    private static String chain(List<Filter> operands, String keyword) {
        StringBuilder sb = new StringBuilder().append('(').append(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            sb.append(keyword).append(operands.get(i));
        }
        return sb.append(')').toString();
    }

    /** A filter compares with a simple value; the rest are refused. */
    private static final Value.Visitor<String> WRITER = new Value.Visitor<>() {
        @Override
        public String visitString(StringValue value) {
            return quote(value.value());
        }

        @Override
        public String visitBoolean(BooleanValue value) {
            return value.value() ? "true" : "false";
        }

        @Override
        public String visitInteger(IntegerValue value) {
            return Long.toString(value.value());
        }

        @Override
        public String visitDecimal(DecimalValue value) {
            return decimal(value.value());
        }

        @Override
        public String visitDateTime(DateTimeValue value) {
            return quote(value.asText());
        }

        @Override
        public String visitBinary(BinaryValue value) {
            return quote(value.asText());
        }

        @Override
        public String visitReference(ReferenceValue value) {
            return quote(value.asText());
        }

        @Override
        public String visitComplex(ComplexValue value) {
            throw new IllegalArgumentException("a filter compares with a simple value, not " + value);
        }

        @Override
        public String visitMulti(MultiValue value) {
            throw new IllegalArgumentException("a filter compares with a simple value, not " + value);
        }

        @Override
        public String visitNull(NullValue value) {
            return "null";
        }
    };

    private static String decimal(BigDecimal value) {
        String s = value.toString();
        return s.indexOf('.') >= 0 || s.indexOf('E') >= 0 ? s : s + ".0";
    }

    /** A JSON string literal (RFC 8259 §7). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
