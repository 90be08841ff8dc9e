package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;

/**
 * A page in SQL, written once: its rows in order with {@code OFFSET ? ROWS FETCH NEXT ? ROWS ONLY},
 * which H2 and PostgreSQL both understand, and {@code totalResults} from them when the result ends
 * within the page (a filter such as {@code userName eq} finds one row or none: one statement), else
 * from a {@code COUNT(*)} of {@code FROM … WHERE …}.
 */
final class JdbcPaging {
    private JdbcPaging() {
    }

    /** Reads the rows of a page, given its {@code SELECT … ORDER BY … OFFSET ? ROWS FETCH NEXT ? ROWS ONLY}. */
    interface PageReader<T> {
        List<T> read(String pageSql, List<Object> params) throws SQLException;
    }

    /**
     * The page {@code page} of {@code SELECT <columns> <from> ORDER BY <order>}, where {@code from}
     * is the {@code FROM … WHERE …} part with {@code params}.
     */
    static <T> Page<T> page(Connection c, String columns, String from, List<Object> params, String order,
                            PageRequest page, JdbcRows.RowMapper<T> mapper) throws SQLException {
        return page(c, columns, from, params, order, page, (sql, paged) -> JdbcRows.list(c, sql, paged, mapper));
    }

    /**
     * {@link #page(Connection, String, String, List, String, PageRequest, JdbcRows.RowMapper)} with the
     * page's rows read by {@code reader}, which may wrap the page's {@code SELECT} in a larger statement
     * (a join of what each row needs besides) and returns one item per row of the page.
     */
    static <T> Page<T> page(Connection c, String columns, String from, List<Object> params, String order,
                            PageRequest page, PageReader<T> reader) throws SQLException {
        if (page.count() == 0) {
            return new Page<>(List.of(), page.startIndex(), JdbcRows.count(c, "SELECT COUNT(*) " + from, params));
        }
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.offset());
        paged.add(page.count());
        List<T> items = reader.read("SELECT " + columns + " " + from + " ORDER BY " + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", paged);
        boolean endsHere = items.size() < page.count() && (!items.isEmpty() || page.offset() == 0);
        long total = endsHere ? page.offset() + items.size() : JdbcRows.count(c, "SELECT COUNT(*) " + from, params);
        return new Page<>(items, page.startIndex(), total);
    }
}
