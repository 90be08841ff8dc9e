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
 * JDBC, migrated to the current schema on open. Every acknowledged write is committed before the
 * response leaves, so a {@code kill -9} loses nothing that a client was told succeeded.
 */
final class StoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /** The store, its connection pool configured further by {@code pool} (metrics) before it starts. */
    static Store open(ServerConfig config, Consumer<HikariConfig> pool) {
        JdbcSettings settings = JdbcSettings.of(durable(config.dbUrl()), config.dbUser().orElse(""),
                config.dbPassword().orElse("")).withMaxPoolSize(config.dbPoolSize());
        JdbcStore store = JdbcStore.open(settings, pool);
        LOG.info("Store: {} ({})", config.dbUrl().startsWith("jdbc:h2:") ? "embedded H2" : "PostgreSQL",
                settings);
        return store;
    }

    /**
     * An H2 file URL with {@code WRITE_DELAY=0}: H2 otherwise keeps commits in memory for up to half a
     * second, and a {@code kill -9} in that window would lose writes the client was told succeeded.
     * An operator's own {@code WRITE_DELAY} setting is kept.
     */
    static String durable(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.toUpperCase(java.util.Locale.ROOT)
                .contains("WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
