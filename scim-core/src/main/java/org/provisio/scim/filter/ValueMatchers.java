package org.provisio.scim.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.AttributeType;
import org.provisio.scim.text.CaseFolding;

/**
 * The compiled tests on one simple value, chosen at compile time from the attribute's type and the
 * literal, with the literal already converted (a date parsed, a number widened, a text folded), so
 * that testing a value does not allocate, short of folding a non-ASCII text compared ignoring case.
 */
final class ValueMatchers {
    /** A test on one value found at a path. */
    @FunctionalInterface
    interface ValueTest {
        boolean test(Value value);
    }

    /** {@code pr}: a value that is not null, not empty text, not an empty list or an empty complex value. */
    static final ValueTest PRESENT = ValueMatchers::isPresent;

    /** A test that never holds: an {@code eq} with a literal the attribute can never be equal to. */
    static final ValueTest NEVER = value -> false;

    private ValueMatchers() {
    }

    /** The test for {@code op literal} on values of the attribute {@code leaf} ({@code null}: not in any schema). */
    static ValueTest of(AttributeDefinition leaf, CompareOperator op, Value literal, Filter.Compare source) {
        if (leaf == null) {
            return byLiteral(op, literal, source);
        }
        AttributeType type = leaf.type();
        return switch (type) {
            case STRING, REFERENCE -> literal instanceof StringValue s
                    ? textTest(op, s.value(), leaf.caseExact())
                    : incompatible(op, source);
            case BINARY -> {
                if (isOrdering(op)) {
                    throw invalid("binary attributes cannot be compared with '" + op.keyword() + "'", source);
                }
                // RFC 7643 §2.3.6: binary values are case exact.
                yield literal instanceof StringValue s ? new ExactTextTest(op, s.value()) : incompatible(op, source);
            }
            case BOOLEAN -> {
                requireEquality(op, "boolean attributes", source);
                Optional<Boolean> b = asBoolean(literal);
                yield b.isPresent() ? new BooleanTest(b.get()) : NEVER;
            }
            case INTEGER, DECIMAL -> {
                if (isSubstring(op)) {
                    throw invalid("numbers cannot be compared with '" + op.keyword() + "'", source);
                }
                yield isNumber(literal) ? new NumberTest(op, literal) : incompatible(op, source);
            }
            case DATE_TIME -> dateTime(op, literal, source);
            case COMPLEX -> byLiteral(op, literal, source);
        };
    }

    /**
     * An attribute no schema defines: the literal's type decides. A string literal compares case-insensitively
     * with the text of whatever simple value is there ({@code loginCount eq "7"} matches the integer 7).
     */
    private static ValueTest byLiteral(CompareOperator op, Value literal, Filter.Compare source) {
        if (literal instanceof StringValue s) {
            return new AnyTextTest(new FoldedText(op, s.value()));
        }
        if (literal instanceof BooleanValue b) {
            requireEquality(op, "boolean values", source);
            return new BooleanTest(b.value());
        }
        if (isSubstring(op)) {
            throw invalid("'" + op.keyword() + "' needs a string", source);
        }
        return new NumberTest(op, literal);
    }

    /** A dateTime compares only with an {@code xsd:dateTime} string, as an instant; all else is a client mistake. */
    private static ValueTest dateTime(CompareOperator op, Value literal, Filter.Compare source) {
        if (isSubstring(op)) {
            throw invalid("dateTime attributes cannot be compared with '" + op.keyword() + "'", source);
        }
        Instant instant = literal instanceof StringValue s ? DateTimeValue.parseLenient(s.value()).orElse(null) : null;
        if (instant == null) {
            throw invalid("a dateTime attribute compares with an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"",
                    source);
        }
        return new DateTimeTest(op, instant);
    }

    private static ValueTest incompatible(CompareOperator op, Filter.Compare source) {
        if (op == CompareOperator.EQ) {
            return NEVER;
        }
        throw invalid("the value cannot be compared with this attribute using '" + op.keyword() + "'", source);
    }

    private static void requireEquality(CompareOperator op, String what, Filter.Compare source) {
        if (op != CompareOperator.EQ) {
            throw invalid(what + " can only be compared with 'eq' and 'ne'", source);
        }
    }

    private static ScimException invalid(String detail, Filter.Compare source) {
        return ScimException.invalidFilter(detail + ": " + source);
    }

    private static Optional<Boolean> asBoolean(Value literal) {
        if (literal instanceof BooleanValue b) {
            return Optional.of(b.value());
        }
        if (literal instanceof StringValue s && (CaseFolding.equalsIgnoreCase(s.value(), "true")
                || CaseFolding.equalsIgnoreCase(s.value(), "false"))) {
            return Optional.of(CaseFolding.equalsIgnoreCase(s.value(), "true"));
        }
        return Optional.empty();
    }

    private static boolean isNumber(Value literal) {
        return literal instanceof IntegerValue || literal instanceof DecimalValue;
    }

    private static boolean isOrdering(CompareOperator op) {
        return op == CompareOperator.GT || op == CompareOperator.GE || op == CompareOperator.LT
                || op == CompareOperator.LE;
    }

    private static boolean isSubstring(CompareOperator op) {
        return op == CompareOperator.CO || op == CompareOperator.SW || op == CompareOperator.EW;
    }

    /** The outcome of an ordering comparison {@code cmp = compare(value, literal)} for an operator. */
    private static boolean holds(CompareOperator op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case NE, CO, SW, EW -> throw new IllegalStateException("not an ordering: " + op);
        };
    }

    static boolean isPresent(Value value) {
        if (value instanceof ComplexValue complex) {
            for (int i = 0, n = complex.size(); i < n; i++) {
                if (isPresent(complex.valueAt(i))) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof MultiValue multi) {
            List<Value> values = multi.values();
            for (int i = 0, n = values.size(); i < n; i++) {
                if (isPresent(values.get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (value.isUnassigned()) {
            return false;
        }
        String text = text(value);
        return text == null || !text.isEmpty();
    }

    /** The text of a textual value without allocating, or {@code null}. */
    private static String text(Value value) {
        if (value instanceof StringValue s) {
            return s.value();
        }
        if (value instanceof ReferenceValue r) {
            return r.uri();
        }
        if (value instanceof BinaryValue b) {
            return b.base64();
        }
        return null;
    }

    /** The test on text: exact for {@code caseExact} attributes, else on folds (RFC 7643 §2.1). */
    private static ValueTest textTest(CompareOperator op, String literal, boolean caseExact) {
        return caseExact ? new ExactTextTest(op, literal) : new FoldedTextTest(new FoldedText(op, literal));
    }

    /** String, reference and binary values of a {@code caseExact} attribute: exact text. */
    private record ExactTextTest(CompareOperator op, String literal) implements ValueTest {
        @Override
        public boolean test(Value value) {
            String text = text(value);
            if (text == null) {
                return false;
            }
            return switch (op) {
                case EQ -> text.equals(literal);
                case CO -> text.contains(literal);
                case SW -> text.startsWith(literal);
                case EW -> text.endsWith(literal);
                case GT, GE, LT, LE -> holds(op, text.compareTo(literal));
                case NE -> throw new IllegalStateException("ne is compiled as not eq");
            };
        }
    }

    /**
     * A literal compared with values ignoring case, as {@link CaseFolding} defines it, folded once here. A
     * literal whose fold is ASCII is kept as its fold and handed to {@link CaseFolding}'s comparisons, whose
     * ASCII fast path then tests an ASCII value without allocating (folding a folded ASCII text is free);
     * otherwise the value is folded and compared with the folded literal.
     */
    private static final class FoldedText {
        private final CompareOperator op;
        private final String folded;
        private final boolean ascii;

        FoldedText(CompareOperator op, String literal) {
            this.op = op;
            this.folded = CaseFolding.fold(literal);
            this.ascii = folded.chars().allMatch(c -> c < 0x80);
        }

        boolean matches(String text) {
            if (ascii) {
                return switch (op) {
                    case EQ -> CaseFolding.equalsIgnoreCase(text, folded);
                    case CO -> CaseFolding.containsIgnoreCase(text, folded);
                    case SW -> CaseFolding.startsWithIgnoreCase(text, folded);
                    case EW -> CaseFolding.endsWithIgnoreCase(text, folded);
                    case GT, GE, LT, LE -> holds(op, CaseFolding.compareIgnoreCase(text, folded));
                    case NE -> throw new IllegalStateException("ne is compiled as not eq");
                };
            }
            String value = CaseFolding.fold(text);
            return switch (op) {
                case EQ -> value.equals(folded);
                case CO -> value.contains(folded);
                case SW -> value.startsWith(folded);
                case EW -> value.endsWith(folded);
                case GT, GE, LT, LE -> holds(op, value.compareTo(folded));
                case NE -> throw new IllegalStateException("ne is compiled as not eq");
            };
        }
    }

    /** String, reference and binary values of an attribute that is not {@code caseExact}. */
    private record FoldedTextTest(FoldedText literal) implements ValueTest {
        @Override
        public boolean test(Value value) {
            String text = text(value);
            return text != null && literal.matches(text);
        }
    }

    /** Strings compared ignoring case with the text of any simple value: for attributes no schema defines. */
    private record AnyTextTest(FoldedText literal) implements ValueTest {
        @Override
        public boolean test(Value value) {
            String text = value.asText();
            return text != null && literal.matches(text);
        }
    }

    /** Booleans, also when stored as the strings {@code "true"} and {@code "false"} in any case. */
    private record BooleanTest(boolean literal) implements ValueTest {
        @Override
        public boolean test(Value value) {
            if (value instanceof BooleanValue b) {
                return b.value() == literal;
            }
            if (value instanceof StringValue s) {
                return CaseFolding.equalsIgnoreCase(s.value(), literal ? "true" : "false");
            }
            return false;
        }
    }

    /** Integers and decimals, compared numerically ({@code 2 eq 2.0}). */
    private static final class NumberTest implements ValueTest {
        private final CompareOperator op;
        private final BigDecimal decimal;
        private final boolean isLong;
        private final long longValue;

        NumberTest(CompareOperator op, Value literal) {
            this.op = op;
            if (literal instanceof IntegerValue i) {
                this.decimal = BigDecimal.valueOf(i.value());
                this.isLong = true;
                this.longValue = i.value();
            } else {
                this.decimal = ((DecimalValue) literal).value();
                this.isLong = false;
                this.longValue = 0;
            }
        }

        @Override
        public boolean test(Value value) {
            if (value instanceof IntegerValue i) {
                return holds(op, isLong ? Long.compare(i.value(), longValue)
                        : BigDecimal.valueOf(i.value()).compareTo(decimal));
            }
            if (value instanceof DecimalValue d) {
                return holds(op, d.value().compareTo(decimal));
            }
            return false;
        }
    }

    /** dateTime values compared as instants; a date-time stored as text is parsed (a tolerance, not the hot path). */
    private record DateTimeTest(CompareOperator op, Instant literal) implements ValueTest {
        @Override
        public boolean test(Value value) {
            if (value instanceof DateTimeValue d) {
                return holds(op, d.value().compareTo(literal));
            }
            if (value instanceof StringValue s) {
                Optional<Instant> instant = DateTimeValue.parseLenient(s.value());
                return instant.isPresent() && holds(op, instant.get().compareTo(literal));
            }
            return false;
        }
    }

    /** The filter of a value path on one element; a simple element is seen as {@code {"value": element}}. */
    record ElementTest(FilterEvaluator.Node filter) implements ValueTest {
        @Override
        public boolean test(Value value) {
            return filter.test(FilterEvaluator.asElement(value));
        }
    }
}
