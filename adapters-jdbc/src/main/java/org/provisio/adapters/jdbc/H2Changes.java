package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.h2.engine.Database;
import org.h2.mvstore.MVStore;

/**
 * The count of committed writing transactions of an embedded H2 database, which the domain reads
 * before a read so that it may keep the read's answer while the count stands still
 * ({@link org.provisio.domain.port.UnitOfWork#changeCount()}).
 *
 * <p>It is H2's own modification data id, the one H2 itself uses to reuse a query's last result:
 * a session that wrote to a table takes a new id before its transaction commits and again right
 * after, so the count moves after every committed write is visible. It lives in the database, not
 * in a connection, so it sees every writer: each of Provisio's connections, an embedder's own
 * connection to the same database, and the clients of an {@code AUTO_SERVER} served from this
 * process. A process reaching H2 over TCP (its session is not local) gets no count, and neither does
 * one whose H2 is not the one Provisio is built with; once the database is closed (a
 * {@code SHUTDOWN}, the last connection of an in-memory database), the count is gone too, since a
 * database opened again under the same name counts from the start.
 */
final class H2Changes {
    private final Database database;
    private final MVStore store;

    private H2Changes(Database database, MVStore store) {
        this.database = database;
        this.store = store;
    }

    /** The count of {@code connection}'s database, when it is an embedded H2; else null. */
    static H2Changes of(Connection connection, JdbcVendor vendor) throws SQLException {
        try {
            Database database = Commits.embeddedH2(connection, vendor);
            return database == null || database.getStore() == null ? null
                    : new H2Changes(database, database.getStore().getMvStore());
        } catch (LinkageError e) {
            // an H2 other than the one Provisio is built with, whose internals moved: nothing is kept
            return null;
        }
    }

    /** The count now; empty once the database is closed. */
    OptionalLong current() {
        long count = database.getModificationDataId();
        return store.isClosed() ? OptionalLong.empty() : OptionalLong.of(count);
    }
}
