package org.provisio.adapters.jdbc;

import java.util.List;

/**
 * A filter translated to SQL over the {@code users u} row: the condition tree and whether it is
 * {@code exact} — it selects precisely the users the SCIM filter selects (for users that are not
 * irregular) — or selects a superset, whose members the filter is checked on again in memory.
 */
record JdbcCondition(SqlNode where, boolean exact) {
    static final JdbcCondition ALL = new JdbcCondition(SqlNode.TRUE, true);
    static final JdbcCondition NONE = new JdbcCondition(SqlNode.FALSE, true);
    /** Cannot be translated: every user is a candidate. */
    static final JdbcCondition UNKNOWN = new JdbcCondition(SqlNode.TRUE, false);

    static JdbcCondition of(String sql, Object... params) {
        return new JdbcCondition(new SqlNode.Fragment(sql, List.of(params)), true);
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
        return new JdbcCondition(new SqlNode.And(List.of(where, other.where)), exact && other.exact);
    }

    JdbcCondition or(JdbcCondition other) {
        if (isUnknown() || other.isUnknown()) {
            return UNKNOWN;
        }
        return new JdbcCondition(new SqlNode.Or(List.of(where, other.where)), exact && other.exact);
    }

    /** The negation; only an exact condition can be negated, anything else is unknown. */
    JdbcCondition not() {
        if (!exact) {
            return UNKNOWN;
        }
        return new JdbcCondition(new SqlNode.Not(where), true);
    }

    /** {@code column IN (select AND <this>)}: this condition on the rows of another table. */
    JdbcCondition in(String column, String select, List<Object> params) {
        return new JdbcCondition(new SqlNode.In(column, select, params, where), exact);
    }

    private JdbcCondition inexact() {
        return new JdbcCondition(where, false);
    }

    /** The condition as SQL with its parameters. */
    SqlNode.Rendered rendered() {
        return SqlNode.render(where);
    }
}
