package org.provisio.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL condition over the {@code users u} row with its parameters. {@code exact} when it selects
 * precisely the users the SCIM filter selects (for users that are not irregular); otherwise it
 * selects a superset and the filter is checked again in memory.
 */
record JdbcCondition(String sql, List<Object> params, boolean exact) {
    static final JdbcCondition ALL = new JdbcCondition("1=1", List.of(), true);
    static final JdbcCondition NONE = new JdbcCondition("1=0", List.of(), true);
    /** Cannot be translated: every user is a candidate. */
    static final JdbcCondition UNKNOWN = new JdbcCondition("1=1", List.of(), false);

    JdbcCondition {
        params = List.copyOf(params);
    }

    static JdbcCondition of(String sql, Object... params) {
        return new JdbcCondition(sql, List.of(params), true);
    }

    boolean isUnknown() {
        return this == UNKNOWN;
    }

    JdbcCondition and(JdbcCondition other) {
        if (isUnknown() && other.isUnknown()) {
            return UNKNOWN;
        }
        if (isUnknown()) {
            return other.inexact();
        }
        if (other.isUnknown()) {
            return inexact();
        }
        return combine("AND", other);
    }

    JdbcCondition or(JdbcCondition other) {
        if (isUnknown() || other.isUnknown()) {
            return UNKNOWN;
        }
        return combine("OR", other);
    }

    /** The negation; only an exact condition can be negated, anything else is unknown. */
    JdbcCondition not() {
        if (!exact) {
            return UNKNOWN;
        }
        return new JdbcCondition("NOT (" + sql + ")", params, true);
    }

    /** This condition nested in a sub-select, e.g. {@code u.id IN (SELECT ... WHERE <this>)}. */
    JdbcCondition wrap(String before, List<Object> leading, String after) {
        List<Object> p = new ArrayList<>(leading);
        p.addAll(params);
        return new JdbcCondition(before + sql + after, p, exact);
    }

    private JdbcCondition inexact() {
        return new JdbcCondition(sql, params, false);
    }

    private JdbcCondition combine(String op, JdbcCondition other) {
        List<Object> p = new ArrayList<>(params);
        p.addAll(other.params);
        return new JdbcCondition("(" + sql + " " + op + " " + other.sql + ")", p, exact && other.exact);
    }
}
