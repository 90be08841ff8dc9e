package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.provisio.domain.port.Store;
import org.provisio.testkit.StoreSuite;

/** Every testkit suite against {@link JdbcStore}, once per database engine (see the subclasses). */
abstract class JdbcStoreContractTest extends StoreSuite {
    private final List<String> urls = new ArrayList<>();
    private final List<JdbcStore> stores = new ArrayList<>();
    private final Map<Store, String> urlOf = new IdentityHashMap<>();

    abstract TestDatabase database();

    @Override
    protected Store newStore(Clock clock) {
        String url = database().createUrl();
        urls.add(url);
        JdbcStore store = JdbcStore.open(database().settings(url));
        stores.add(store);
        urlOf.put(store, url);
        return store;
    }

    /**
     * Each row of each table of the database's own schema (the tables the metadata lists, so a
     * table added later is scanned too), its columns as text joined by a separator.
     */
    @Override
    protected List<String> everythingStored(Store store) {
        JdbcSettings settings = database().settings(urlOf.get(store));
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet t = meta.getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            if (tables.size() < 8) {
                throw new IllegalStateException("expected Provisio's tables in " + c.getSchema() + ", found " + tables);
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            row.append(" | ").append(r.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @AfterEach
    void dropDatabases() {
        stores.forEach(JdbcStore::close);
        urls.forEach(database()::drop);
    }
}
