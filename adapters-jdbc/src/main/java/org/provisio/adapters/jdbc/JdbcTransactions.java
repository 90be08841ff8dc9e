package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.provisio.domain.port.UnitOfWork;

/**
 * The unit of work: one JDBC transaction bound to the current thread. Nested units join the
 * outer one. Port operations run on the thread's transaction when there is one, else in a short
 * transaction of their own. A unit of work the database chose as the loser of a race (deadlock,
 * serialization failure, lock timeout) is run again, up to {@value #ATTEMPTS} times.
 */
final class JdbcTransactions implements UnitOfWork {
    /** A step of work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** SQLState of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** The SQLStates of a race the database decided; see {@link #isTransient}. */
    private static final java.util.Set<String> TRANSIENT = java.util.Set.of("40001", "40P01", "55P03", "HYT00");
    /** How often a unit of work runs at most when the database keeps deciding races against it. */
    static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Commits commits;
    /** The embedded H2's count of committed writes, or null: see {@link H2Changes}. */
    private final H2Changes changes;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource, Commits commits, H2Changes changes) {
        this.dataSource = dataSource;
        this.commits = commits;
        this.changes = changes;
    }

    @Override
    public OptionalLong changeCount() {
        return changes == null ? OptionalLong.empty() : changes.current();
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return inTransactionThenDurable(work).durable();
    }

    @Override
    public <T> Committed<T> inTransactionThenDurable(Supplier<T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("a unit of work is open on this thread: it decides when to commit");
        }
        for (int attempt = 1; ; attempt++) {
            Connection connection = open();
            current.set(connection);
            try {
                T result = work.get();
                Commits.Durable durable = commits.commitInMemory(connection);
                return () -> {
                    try {
                        durable.await();
                    } catch (SQLException e) {
                        throw new JdbcFailure("the commit did not reach the disk", e);
                    }
                    return result;
                };
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                if (!isTransient(e) || attempt >= ATTEMPTS) {
                    throw new JdbcFailure("commit failed", e);
                }
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                if (!isTransient(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            } finally {
                current.remove();
                closeQuietly(connection);
            }
            backOff(attempt);
        }
    }

    /**
     * A unit that only reads runs with auto-commit: each statement is its own transaction, so that
     * PostgreSQL is spared the {@code COMMIT} round trip (and, with one statement, the whole unit is
     * one round trip). Nothing is lost: every unit runs at {@code READ COMMITTED}, where each
     * statement sees its own snapshot anyway. A read inside a writing unit joins it.
     */
    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection connection = open();
        current.set(connection);
        try {
            connection.setAutoCommit(true);
            return work.get();
        } catch (SQLException e) {
            throw new JdbcFailure("cannot read: " + e.getMessage(), e);
        } finally {
            current.remove();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                // the pool discards a connection that fails here
            }
            closeQuietly(connection);
        }
    }

    /**
     * Whether a failure is the database deciding a race that the unit of work may simply run again:
     * a deadlock or serialization failure ({@code 40001}, PostgreSQL's {@code 40P01}) or a lock not
     * granted in time ({@code 55P03}, H2's {@code HYT00}). The work is run again from the start on a
     * fresh transaction: it has written nothing that survived the rollback, and it has sent nothing,
     * since side effects that leave the process go through the outbox.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && TRANSIENT.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
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
            commits.commit(connection);
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
     * effects are undone. PostgreSQL aborts the whole transaction on a violation, so there they run
     * inside a savepoint; H2 undoes just the failed statement and the transaction stays usable.
     */
    static boolean violatesUnique(Connection connection, JdbcVendor vendor, SqlWork<?> statements)
            throws SQLException {
        Savepoint savepoint = vendor.abortsOnError() ? connection.setSavepoint() : null;
        try {
            statements.apply(connection);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return false;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return true;
            }
            throw e;
        }
    }

    /**
     * Inserts a row unless a unique key it holds is taken: false if it was (nothing inserted). On
     * PostgreSQL {@code ON CONFLICT DO NOTHING} decides it without a savepoint round trip.
     */
    static boolean insertUnlessTaken(Connection connection, JdbcVendor vendor, String insert, Object... params)
            throws SQLException {
        if (vendor.abortsOnError()) {
            return JdbcRows.update(connection, insert + " ON CONFLICT DO NOTHING", params) > 0;
        }
        return !violatesUnique(connection, vendor, c -> JdbcRows.update(c, insert, params));
    }

    /**
     * Inserts rows whose keys are fresh ids: a taken key is a caller's mistake, reported as
     * {@code IllegalArgumentException} naming {@code what}.
     */
    static void insertFresh(Connection connection, String what, String insert, Object... params) throws SQLException {
        try {
            JdbcRows.update(connection, insert, params);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new IllegalArgumentException(what + " exists");
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
