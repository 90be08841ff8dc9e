package org.provisio.scim.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The operands of a chain of one combinator: {@code And(And(a, b), c)} has the operands
 * {@code [a, b, c]}. The parser builds left-deep trees, so the left spine is walked in a loop:
 * a chain of thousands of {@code and}s does not take thousands of stack frames.
 */
final class Chains {
    /** The two sides of an {@code and}, or {@code null} for any other node. */
    private static final Filter.Visitor<Filter[]> AND_SIDES = new Sides(true);
    /** The two sides of an {@code or}, or {@code null} for any other node. */
    private static final Filter.Visitor<Filter[]> OR_SIDES = new Sides(false);

    private Chains() {
    }

    /**
     * The operands of {@code and}, in order. With {@code flattenRight} a right operand that is itself
     * an {@code and} ({@code a and (b and c)}) contributes its operands too; without, it stays one operand.
     */
    static List<Filter> operands(Filter.And and, boolean flattenRight) {
        List<Filter> into = new ArrayList<>();
        collect(and, AND_SIDES, flattenRight, into);
        return into;
    }

    /** The operands of {@code or}, as {@link #operands(Filter.And, boolean)} does for {@code and}. */
    static List<Filter> operands(Filter.Or or, boolean flattenRight) {
        List<Filter> into = new ArrayList<>();
        collect(or, OR_SIDES, flattenRight, into);
        return into;
    }

    private static void collect(Filter chain, Filter.Visitor<Filter[]> sides, boolean flattenRight,
                                List<Filter> into) {
        List<Filter> rights = new ArrayList<>();
        Filter current = chain;
        Filter[] split = current.accept(sides);
        while (split != null) {
            rights.add(split[1]);
            current = split[0];
            split = current.accept(sides);
        }
        into.add(current);
        for (int i = rights.size() - 1; i >= 0; i--) {
            Filter right = rights.get(i);
            if (flattenRight && right.accept(sides) != null) {
                collect(right, sides, true, into);
            } else {
                into.add(right);
            }
        }
    }

    /** Splits one kind of combinator into its left and right side. */
    private static final class Sides implements Filter.Visitor<Filter[]> {
        private final boolean and;

        Sides(boolean and) {
            this.and = and;
        }

        @Override
        public Filter[] visitAnd(Filter.And f) {
            return and ? new Filter[] {f.left(), f.right()} : null;
        }

        @Override
        public Filter[] visitOr(Filter.Or f) {
            return and ? null : new Filter[] {f.left(), f.right()};
        }

        @Override
        public Filter[] visitNot(Filter.Not f) {
            return null;
        }

        @Override
        public Filter[] visitPresent(Filter.Present f) {
            return null;
        }

        @Override
        public Filter[] visitCompare(Filter.Compare f) {
            return null;
        }

        @Override
        public Filter[] visitValuePath(Filter.ValuePath f) {
            return null;
        }
    }
}
