package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.engine.Database;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * How a transaction commits so that, when {@link #commit} returns, its writes survive a
 * {@code kill -9} of the process.
 *
 * <p>PostgreSQL (and any server database) makes a commit durable by itself. An embedded H2 file
 * database does not: its store writes committed changes to the file every {@code WRITE_DELAY}
 * (500 ms by default), and with {@code WRITE_DELAY=0} it writes a new chunk, every changed page
 * from the leaves to the root, on each commit, which cost a quarter of the server's CPU during a
 * burst of creates. {@link #groupOf H2's group commit} instead lets every writing transaction
 * commit in memory and then wait until one store of the file, started after its commit, has
 * finished; one waiter does the store for all who committed before it started, so concurrent
 * writers share one file write (group commit, as databases with a write-ahead log do it). A
 * reader never waits.
 */
abstract class Commits {
    /** The database's own commit is durable: PostgreSQL, an in-memory or remote H2. */
    static final Commits DIRECT = new Commits() {
        @Override
        Durable commitInMemory(Connection connection) throws SQLException {
            connection.commit();
            return Durable.NOW;
        }
    };

    /** What is left of a commit once it is made: the wait until it survives a crash. */
    @FunctionalInterface
    interface Durable {
        Durable NOW = () -> { };

        void await() throws SQLException;
    }

    /** Commits the connection's transaction durably. */
    final void commit(Connection connection) throws SQLException {
        commitInMemory(connection).await();
    }

    /** Commits the connection's transaction; the result waits until the commit survives a crash. */
    abstract Durable commitInMemory(Connection connection) throws SQLException;

    /**
     * Group commit when {@code connection} is an embedded H2 file database that does not store on
     * each commit ({@code WRITE_DELAY} above 0, its default); {@link #DIRECT} otherwise.
     */
    static Commits of(Connection connection, JdbcVendor vendor) throws SQLException {
        try {
            Database database = embeddedH2(connection, vendor);
            if (database == null || !database.isPersistent()
                    || database.getStore().getMvStore().getAutoCommitDelay() == 0) {
                return DIRECT;
            }
            return new H2Group();
        } catch (LinkageError e) {
            // an H2 other than the one Provisio is built with, whose internals moved: H2 then writes its
            // file on every commit, which is durable, only slower
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            return DIRECT;
        }
    }

    /**
     * The database of {@code connection} when it is an H2 running in this process (its session is
     * local, not over TCP); else null. Throws {@code LinkageError} on an H2 other than the one
     * Provisio is built with, whose internals moved: each caller decides what to do without them.
     */
    static Database embeddedH2(Connection connection, JdbcVendor vendor) throws SQLException {
        if (vendor != JdbcVendor.H2 || !connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        return session instanceof SessionLocal local ? local.getDatabase() : null;
    }

    /** How many stores group commit has done: fewer than the writing transactions it acknowledged. */
    long stores() {
        return 0;
    }

    /**
     * H2's group commit. Each writing transaction commits, then takes a ticket; a store started
     * after ticket {@code t} was taken holds every change committed up to {@code t}. A waiter whose
     * ticket is not yet stored either becomes the one storing (for every ticket taken so far) or
     * waits for the store under way and looks again.
     */
    private static final class H2Group extends Commits {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final LongAdder stores = new LongAdder();
        private long tickets;
        private long stored;
        private boolean storing;

        @Override
        Durable commitInMemory(Connection connection) throws SQLException {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            boolean wrote = session.hasPendingTransaction();
            connection.commit();
            if (!wrote) {
                return Durable.NOW;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            long ticket;
            lock.lock();
            try {
                ticket = ++tickets; // taken after the commit: a store started later holds it
            } finally {
                lock.unlock();
            }
            return () -> awaitStored(store, ticket);
        }

        private void awaitStored(MVStore store, long ticket) throws SQLException {
            lock.lock();
            try {
                while (stored < ticket) {
                    if (storing) {
                        // the write is committed; being told it is durable matters more than an interrupt
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    storing = true;
                    long upTo = tickets;
                    boolean done = false;
                    lock.unlock(); // later committers take their tickets while this store runs
                    try {
                        store.commit();
                        stores.increment();
                        done = true;
                    } catch (RuntimeException e) {
                        throw new SQLException("the embedded database could not write its file: " + e.getMessage(),
                                "58030", e);
                    } finally {
                        lock.lock();
                        storing = false;
                        if (done) {
                            stored = Math.max(stored, upTo);
                        }
                        changed.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        long stores() {
            return stores.sum();
        }
    }
}
