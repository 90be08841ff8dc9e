package org.provisio.adapters.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database per test: an in-memory H2 database, or a database of one embedded
 * PostgreSQL started once per JVM (from a Maven Central artifact, no Docker), created from a
 * migrated template so that tests do not pay for the migration each time.
 */
enum TestDatabase {
    H2 {
        @Override
        String createUrl() {
            return "jdbc:h2:mem:provisio-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        void drop(String url) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        String createUrl() {
            String name = "provisio_" + COUNTER.incrementAndGet();
            Postgres.execute("CREATE DATABASE " + name + " TEMPLATE " + Postgres.TEMPLATE);
            return Postgres.url(name);
        }

        /** An empty database, not even migrated: for the migration tests. */
        @Override
        String createEmptyUrl() {
            String name = "provisio_" + COUNTER.incrementAndGet();
            Postgres.execute("CREATE DATABASE " + name);
            return Postgres.url(name);
        }

        @Override
        void drop(String url) {
            Postgres.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1, url.indexOf('?')));
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A new database, migrated or not. */
    abstract String createUrl();

    /** A new database that has never been migrated. */
    String createEmptyUrl() {
        return createUrl();
    }

    /** Drops a database once its stores are closed. */
    abstract void drop(String url);

    JdbcSettings settings(String url) {
        return new JdbcSettings(url, this == POSTGRESQL ? "postgres" : "", "", 8);
    }

    /** The embedded PostgreSQL of this JVM. */
    static final class Postgres {
        static final String TEMPLATE = "provisio_template";
        private static final EmbeddedPostgres SERVER = start();

        private Postgres() {
        }

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is going away
                    }
                }));
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE);
                }
                try (JdbcStore template = JdbcStore.open(new JdbcSettings(server.getJdbcUrl("postgres", TEMPLATE),
                        "postgres", "", 2))) {
                    template.tenants().list();
                }
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static String url(String database) {
            return SERVER.getJdbcUrl("postgres", database);
        }

        static void execute(String sql) {
            try (Connection c = SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
