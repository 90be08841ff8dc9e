package org.provisio.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SQL condition as a small tree — fragments, {@code and}, {@code or}, {@code not} and
 * {@code column IN (subquery)} — built by the filter translator, rewritten where an engine needs
 * it (H2 runs {@code IN} subqueries first, see {@link JdbcUserQueries}) and {@linkplain #render
 * rendered} once, with every value a bound parameter. Nothing edits SQL text after it is written.
 */
sealed interface SqlNode permits SqlNode.Fragment, SqlNode.And, SqlNode.Or, SqlNode.Not, SqlNode.In,
        SqlNode.InList {
    /** Always true. */
    Fragment TRUE = new Fragment("1=1", List.of());
    /** Always false. */
    Fragment FALSE = new Fragment("1=0", List.of());

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of node. */
    interface Visitor<R> {
        R fragment(Fragment node);

        R and(And node);

        R or(Or node);

        R not(Not node);

        R in(In node);

        R inList(InList node);
    }

    /** A condition written out, e.g. {@code u.user_name_fold = ?}, with its parameters in order. */
    record Fragment(String sql, List<Object> params) implements SqlNode {
        public Fragment {
            Objects.requireNonNull(sql, "sql");
            params = List.copyOf(params);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fragment(this);
        }
    }

    /** All parts hold. */
    record And(List<SqlNode> parts) implements SqlNode {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.and(this);
        }
    }

    /** Some part holds. */
    record Or(List<SqlNode> parts) implements SqlNode {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.or(this);
        }
    }

    /** The inner condition does not hold. */
    record Not(SqlNode inner) implements SqlNode {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.not(this);
        }
    }

    /**
     * {@code column IN (SELECT <select> WHERE <params'd head> AND <where>)}: {@code select} is the
     * subquery up to and including its {@code WHERE} head ({@code SELECT e.user_id FROM user_emails e
     * WHERE e.tenant_id = ?}), {@code params} that head's parameters, {@code where} the rest.
     */
    record In(String column, String select, List<Object> params, SqlNode where) implements SqlNode {
        public In {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(select, "select");
            params = List.copyOf(params);
            Objects.requireNonNull(where, "where");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.in(this);
        }

        /** The subquery alone, rendered. */
        Rendered subquery() {
            Rendered inner = render(where);
            List<Object> all = new ArrayList<>(params);
            all.addAll(inner.params());
            return new Rendered(select + " AND " + inner.sql(), all);
        }
    }

    /** {@code column IN (?, ?, ...)}. */
    record InList(String column, List<Object> values) implements SqlNode {
        public InList {
            Objects.requireNonNull(column, "column");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an IN list needs values; use FALSE");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inList(this);
        }
    }

    /** SQL text with its parameters. */
    record Rendered(String sql, List<Object> params) {
        public Rendered {
            params = List.copyOf(params);
        }
    }

    /** Writes a tree out as SQL with its parameters, in one pass. */
    static Rendered render(SqlNode node) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        node.accept(new Visitor<Void>() {
            @Override
            public Void fragment(Fragment f) {
                sql.append(f.sql());
                params.addAll(f.params());
                return null;
            }

            @Override
            public Void and(And a) {
                return join(a.parts(), " AND ");
            }

            @Override
            public Void or(Or o) {
                return join(o.parts(), " OR ");
            }

            private Void join(List<SqlNode> parts, String op) {
                sql.append('(');
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0) {
                        sql.append(op);
                    }
                    parts.get(i).accept(this);
                }
                sql.append(')');
                return null;
            }

            @Override
            public Void not(Not n) {
                sql.append("NOT (");
                n.inner().accept(this);
                sql.append(')');
                return null;
            }

            @Override
            public Void in(In in) {
                sql.append(in.column()).append(" IN (").append(in.select()).append(" AND ");
                params.addAll(in.params());
                in.where().accept(this);
                sql.append(')');
                return null;
            }

            @Override
            public Void inList(InList in) {
                sql.append(in.column()).append(" IN (").append("?, ".repeat(in.values().size() - 1)).append("?)");
                params.addAll(in.values());
                return null;
            }
        });
        return new Rendered(sql.toString(), params);
    }
}
