package org.provisio.adapters.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement helpers: every value is bound as a parameter, never written into the SQL. */
final class JdbcRows {
    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private JdbcRows() {
    }

    static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int index = i + 1;
            if (p == null) {
                statement.setNull(index, Types.NULL);
            } else if (p instanceof String s) {
                statement.setString(index, s);
            } else if (p instanceof Long l) {
                statement.setLong(index, l);
            } else if (p instanceof Integer n) {
                statement.setInt(index, n);
            } else if (p instanceof Boolean b) {
                statement.setBoolean(index, b);
            } else if (p instanceof Array a) {
                statement.setArray(index, a);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, java.util.Arrays.asList(params));
            return s.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return list(c, sql, java.util.Arrays.asList(params), mapper);
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection c, String sql, List<?> params) throws SQLException {
        return list(c, sql, params, rs -> rs.getLong(1)).get(0);
    }

    /** A nullable BIGINT nanosecond column as an instant. */
    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(JdbcTime.instant(nanos));
    }
}
