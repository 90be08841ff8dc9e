package org.provisio.scim.filter;

import java.util.Objects;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.Value;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as an abstract syntax tree of records, comparable with
 * {@code equals}. {@code userName eq "bjensen" and not (emails pr)} parses to
 * {@code And(Compare(userName, EQ, "bjensen"), Not(Present(emails)))}.
 *
 * <p>{@link #parse(String)} is the one entry point; errors are {@code invalidFilter}
 * {@link org.provisio.scim.error.ScimException}s carrying the character position.
 * {@link #toString()} writes the filter back in SCIM syntax.
 *
 * <p>Code over a filter dispatches with {@link #accept(Visitor)}, so that the compiler checks that
 * every kind of node is handled: Java 17 has no exhaustive pattern {@code switch}.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Filter.Present, Filter.Compare,
        Filter.ValuePath {

    /** Parses a filter; throws an {@code invalidFilter} error on bad input. */
    static Filter parse(String text) {
        return FilterParser.parse(text, Conformance.LENIENT);
    }

    /**
     * Parses a filter, asking {@code conformance} before it tolerates Entra ID's
     * {@code emails[type eq "work"].value eq "x"} (see {@link Tolerance#FILTER_VALUE_PATH_SUB_ATTRIBUTE}).
     */
    static Filter parse(String text, Conformance conformance) {
        return FilterParser.parse(text, Objects.requireNonNull(conformance, "conformance"));
    }

    /** Calls the visitor's method for this kind of node and returns what it returns. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of node; see {@link #accept(Visitor)}. A visitor that needs the children
     * visits them itself ({@code f.left().accept(this)}), so it decides the order and what to skip.
     *
     * @param <R> what a visit returns
     */
    interface Visitor<R> {
        R visitAnd(And f);

        R visitOr(Or f);

        R visitNot(Not f);

        R visitPresent(Present f);

        R visitCompare(Compare f);

        R visitValuePath(ValuePath f);
    }

    /** {@code left and right}. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitAnd(this);
        }

        @Override
        public String toString() {
            return FilterLiterals.chain(this);
        }
    }

    /** {@code left or right}. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitOr(this);
        }

        @Override
        public String toString() {
            return FilterLiterals.chain(this);
        }
    }

    /** {@code not (inner)}. */
    record Not(Filter inner) implements Filter {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNot(this);
        }

        @Override
        public String toString() {
            return "not (" + inner + ")";
        }
    }

    /** {@code path pr}. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPresent(this);
        }

        @Override
        public String toString() {
            return path + " pr";
        }
    }

    /**
     * {@code path op value}; the value is a {@code StringValue}, {@code BooleanValue},
     * {@code IntegerValue}, {@code DecimalValue} or {@code NullValue} as written in the filter.
     */
    record Compare(AttributePath path, CompareOperator operator, Value value) implements Filter {
        public Compare {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCompare(this);
        }

        @Override
        public String toString() {
            return path + " " + operator.keyword() + " " + FilterLiterals.write(value);
        }
    }

    /** {@code path[filter]}: some element of a multi-valued (or complex) attribute matches the inner filter. */
    record ValuePath(AttributePath path, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitValuePath(this);
        }

        @Override
        public String toString() {
            return path + "[" + filter + "]";
        }
    }
}
