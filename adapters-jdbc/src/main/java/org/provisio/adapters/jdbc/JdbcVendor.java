package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/** The databases the adapter speaks, and the little SQL that differs between them. */
enum JdbcVendor {
    H2("VARCHAR", ""),
    POSTGRESQL("TEXT", "COLLATE \"C\"");

    private final String textType;
    private final String binaryCollation;

    JdbcVendor(String textType, String binaryCollation) {
        this.textType = textType;
        this.binaryCollation = binaryCollation;
    }

    /** The Flyway placeholders of the migrations. */
    Map<String, String> placeholders() {
        return Map.of("text", textType, "binary", binaryCollation);
    }

    /**
     * Whether an error aborts the whole transaction (PostgreSQL), so that a statement that may fail
     * must run inside a savepoint; H2 undoes only the failed statement.
     */
    boolean abortsOnError() {
        return this == POSTGRESQL;
    }

    /** Row locks that other claimers pass over instead of waiting for them. */
    String forUpdateSkipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    /**
     * Whether a locking read of a range (the purge's due users) first picks candidate keys without
     * locks and then locks those rows by key.
     * H2 checks every row a {@code FOR UPDATE} scan passes again under lock, which makes a locked
     * range scan over a large table slow; locking a hundred rows by primary key is cheap.
     */
    boolean locksByKey() {
        return this == H2;
    }

    /**
     * Settings the pool's connections carry unless the URL sets them itself (H2 refuses a setting
     * given twice with two values). H2's {@code QUERY_CACHE_SIZE}: each connection keeps its last 8
     * parsed statements by default, fewer than a PATCH (lock, groups, update, invitation, audit,
     * outbox) and the outbox's claim (about as many) run between them on the same pooled connections;
     * cycling through more statements than an LRU cache holds, every statement missed and was parsed
     * again.
     *
     * <p>It is a database setting, read only when the database opens (no admin right needed, nothing
     * changed for a database another connection opened first); settings that H2 applies with a
     * {@code SET} on every connection are left alone, since they need admin rights and change the
     * database for every other user of it.
     */
    Map<String, String> connectionDefaults() {
        return this == H2 ? Map.of("QUERY_CACHE_SIZE", "64") : Map.of();
    }

    /** Whether {@code url} sets {@code setting} itself ({@code ;NAME=} in an H2 URL, any case). */
    static boolean urlSets(String url, String setting) {
        return url.toUpperCase(Locale.ROOT).contains(";" + setting.toUpperCase(Locale.ROOT) + "=");
    }

    /** The vendor of a JDBC URL, if it tells. */
    static JdbcVendor fromUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** The vendor of an open connection. */
    static JdbcVendor of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database " + connection.getMetaData().getDatabaseProductName()
                + ": Provisio runs on H2 and PostgreSQL");
    }
}
