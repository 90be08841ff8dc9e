package org.provisio.server;

import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.port.Store;
import org.provisio.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store {@code PROVISIO_DB_URL} names. */
final class StoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    static Store open(ServerConfig config) {
        LOG.warn("PROVISIO_DB_URL={}: the JDBC store is not part of this build yet, so the IN-MEMORY store is used "
                + "and every user is lost when the server stops", config.dbUrl());
        return InMemoryStore.create();
    }
}
