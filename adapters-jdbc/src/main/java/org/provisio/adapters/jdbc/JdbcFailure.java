package org.provisio.adapters.jdbc;

import java.sql.SQLException;

/** A database failure the domain cannot handle: unchecked, with the SQL exception as its cause. */
final class JdbcFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JdbcFailure(String message, SQLException cause) {
        super(message, cause);
    }
}
