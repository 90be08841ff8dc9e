package org.provisio.server;

import com.zaxxer.hikari.HikariConfig;
import java.util.function.Consumer;
import org.provisio.adapters.jdbc.JdbcSettings;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.port.Store;
import org.provisio.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store {@code PROVISIO_DB_URL} names: H2 (the embedded default) or PostgreSQL over
 * JDBC, migrated to the current schema on open. Every acknowledged write is durable before the
 * response leaves (on H2 by the store's group commit), so a {@code kill -9} loses nothing that a
 * client was told succeeded.
 */
final class StoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /** The store, its connection pool configured further by {@code pool} (metrics) before it starts. */
    static Store open(ServerConfig config, Consumer<HikariConfig> pool) {
        JdbcSettings settings = JdbcSettings.of(config.dbUrl(), config.dbUser().orElse(""),
                config.dbPassword().orElse("")).withMaxPoolSize(config.dbPoolSize());
        JdbcStore store = JdbcStore.open(settings, pool);
        LOG.info("Store: {} ({})", config.dbUrl().startsWith("jdbc:h2:") ? "embedded H2" : "PostgreSQL",
                settings);
        return store;
    }
}
