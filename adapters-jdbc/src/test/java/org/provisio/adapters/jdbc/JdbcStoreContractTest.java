package org.provisio.adapters.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.provisio.domain.port.Store;
import org.provisio.testkit.StoreSuite;

/** Every testkit suite against {@link JdbcStore}, once per database engine (see the subclasses). */
abstract class JdbcStoreContractTest extends StoreSuite {
    private final List<String> urls = new ArrayList<>();
    private final List<JdbcStore> stores = new ArrayList<>();

    abstract TestDatabase database();

    @Override
    protected Store newStore(Clock clock) {
        String url = database().createUrl();
        urls.add(url);
        JdbcStore store = JdbcStore.open(database().settings(url));
        stores.add(store);
        return store;
    }

    @AfterEach
    void dropDatabases() {
        stores.forEach(JdbcStore::close);
        urls.forEach(database()::drop);
    }
}
