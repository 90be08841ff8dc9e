package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.provisio.domain.port.UnitOfWork;

/**
 * The unit of work: one JDBC transaction bound to the current thread. Nested units join the
 * outer one. Port operations run on the thread's transaction when there is one, else in a short
 * transaction of their own.
 */
final class JdbcTransactions implements UnitOfWork {
    /** A step of work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** SQLState of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection connection = open();
        current.set(connection);
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new JdbcFailure("commit failed", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            current.remove();
            closeQuietly(connection);
        }
    }

    /** Runs {@code work} on the thread's transaction, or in a short transaction of its own. */
    <T> T call(SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.apply(joined);
            } catch (SQLException e) {
                throw new JdbcFailure(e.getMessage(), e);
            }
        }
        Connection connection = open();
        try {
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new JdbcFailure(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            closeQuietly(connection);
        }
    }

    /**
     * Runs statements that may violate a unique constraint: true if they did, in which case their
     * effects are undone (to a savepoint, so that the enclosing transaction stays usable on
     * PostgreSQL, which otherwise aborts it).
     */
    static boolean violatesUnique(Connection connection, SqlWork<?> statements) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            statements.apply(connection);
            connection.releaseSavepoint(savepoint);
            return false;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                connection.rollback(savepoint);
                return true;
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            return connection;
        } catch (SQLException e) {
            throw new JdbcFailure("no database connection: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool discards a connection that fails to close
        }
    }
}
