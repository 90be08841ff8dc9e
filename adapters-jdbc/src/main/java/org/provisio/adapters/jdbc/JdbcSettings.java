package org.provisio.adapters.jdbc;

import java.util.Objects;

/**
 * Where {@link JdbcStore} finds its database: a JDBC URL of H2 ({@code jdbc:h2:file:./data/provisio},
 * {@code jdbc:h2:mem:test;DB_CLOSE_DELAY=-1}) or PostgreSQL ({@code jdbc:postgresql://db:5432/provisio}),
 * the credentials (empty when the database needs none) and the most connections the pool opens.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.open(JdbcSettings.of("jdbc:postgresql://db/provisio", "provisio", secret));
 * }</pre>
 */
public record JdbcSettings(String url, String user, String password, int maxPoolSize) {
    /** The pool size when none is given. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with jdbc: (got '" + url + "')");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be positive");
        }
    }

    /** A database that needs no credentials, with the default pool size. */
    public static JdbcSettings of(String url) {
        return new JdbcSettings(url, "", "", DEFAULT_POOL_SIZE);
    }

    /** A database with credentials, with the default pool size. */
    public static JdbcSettings of(String url, String user, String password) {
        return new JdbcSettings(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** These settings with another pool size. */
    public JdbcSettings withMaxPoolSize(int size) {
        return new JdbcSettings(url, user, password, size);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url.replaceAll("(?i)(password=)[^;&]*", "$1***") + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "...")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
