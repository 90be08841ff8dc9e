package org.provisio.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.provisio.domain.port.AuditLog;
import org.provisio.domain.port.Credentials;
import org.provisio.domain.port.Deviations;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.Invitations;
import org.provisio.domain.port.Outbox;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.Tenants;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.port.Users;

/**
 * All ports of the provisioning domain over JDBC, on H2 (embedded) or PostgreSQL. Opening a store
 * migrates the schema to the current version (Flyway; a database already migrated is left as it
 * is) and, for {@link #open(JdbcSettings)}, starts a HikariCP pool that {@link #close()} ends.
 * A unit of work is one JDBC transaction bound to the calling thread.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:./provisio-data/provisio"))) {
 *     Provisioning provisioning = Provisioning.builder(store).build();
 *     ...
 * }
 * }</pre>
 *
 * Several instances may share one PostgreSQL database: the purge job and the outbox claim rows
 * with {@code FOR UPDATE SKIP LOCKED}, so no user is purged and no message claimed twice.
 * Opening fails with an {@link IllegalStateException} whose message names the database and says
 * in one line what went wrong.
 */
public final class JdbcStore implements Store, AutoCloseable {
    private static final String MIGRATIONS = "classpath:org/provisio/adapters/jdbc/migration";
    /** The version of the last migration ({@code V<n>__*.sql} or {@link RefoldMigration}); a test keeps it true. */
    static final int LATEST_MIGRATION = 9;

    private final HikariDataSource pool;
    private final JdbcVendor vendor;
    private final Commits commits;
    private final JdbcTransactions transactions;
    private final JdbcTenants tenants;
    private final JdbcCredentials credentials;
    private final JdbcGroups groups;
    private final JdbcUsers users;
    private final JdbcInvitations invitations;
    private final JdbcOutbox outbox;
    private final JdbcAuditLog auditLog;
    private final JdbcDeviations deviations;

    private JdbcStore(DataSource dataSource, HikariDataSource pool, JdbcVendor vendor, Commits commits,
                      H2Changes changes) {
        this.pool = pool;
        this.vendor = vendor;
        this.commits = commits;
        this.transactions = new JdbcTransactions(dataSource, commits, changes);
        this.tenants = new JdbcTenants(transactions);
        this.credentials = new JdbcCredentials(transactions);
        this.groups = new JdbcGroups(transactions, vendor);
        this.users = new JdbcUsers(transactions, vendor, groups);
        this.invitations = new JdbcInvitations(transactions);
        this.outbox = new JdbcOutbox(transactions, vendor);
        this.auditLog = new JdbcAuditLog(transactions);
        this.deviations = new JdbcDeviations(transactions, vendor);
    }

    /** How this store's transactions commit durably; tests read how many H2 group stores ran. */
    Commits commits() {
        return commits;
    }

    /** Opens a pooled store on the database of {@code settings}, migrating its schema. */
    public static JdbcStore open(JdbcSettings settings) {
        return open(settings, config -> { });
    }

    /**
     * Opens a pooled store as {@link #open(JdbcSettings)} does, handing the pool's configuration to
     * {@code customizer} just before the pool starts: for what Provisio leaves unset, such as HikariCP's
     * metrics ({@code config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry))})
     * or leak detection. Changing what Provisio set (the URL, credentials, auto-commit) is not supported;
     * H2's {@code QUERY_CACHE_SIZE}, which the pool asks for unless the URL names it, may be set as a
     * data source property here.
     */
    public static JdbcStore open(JdbcSettings settings, Consumer<HikariConfig> customizer) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(customizer, "customizer");
        String where = redacted(settings.url());
        HikariDataSource pool;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(settings.url());
            if (!settings.user().isEmpty()) {
                config.setUsername(settings.user());
            }
            if (!settings.password().isEmpty()) {
                config.setPassword(settings.password());
            }
            // Flyway holds one connection for its lock while it migrates on another
            config.setMaximumPoolSize(Math.max(2, settings.maxPoolSize()));
            config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
            config.setAutoCommit(false);
            config.setConnectionTimeout(10_000);
            config.setPoolName("provisio");
            customizer.accept(config);
            JdbcVendor vendor = JdbcVendor.fromUrl(settings.url());
            // driver properties, for a pool that still connects by URL; the URL's own settings and the
            // customizer's properties win
            if (vendor != null && config.getDataSource() == null && config.getDataSourceClassName() == null) {
                vendor.connectionDefaults().forEach((setting, value) -> {
                    if (!JdbcVendor.urlSets(settings.url(), setting) && config.getDataSourceProperties()
                            .stringPropertyNames().stream().noneMatch(setting::equalsIgnoreCase)) {
                        config.addDataSourceProperty(setting, value);
                    }
                });
            }
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open database " + where + ": " + rootMessage(e), e);
        }
        try {
            return migrated(pool, pool, where);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens a store on a data source the caller owns (and closes): for embedding products that
     * have their own pool. The schema is migrated as by {@link #open(JdbcSettings)}.
     */
    public static JdbcStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return migrated(dataSource, null, "(data source)");
    }

    private static JdbcStore migrated(DataSource dataSource, HikariDataSource pool, String where) {
        JdbcVendor vendor;
        Commits commits;
        H2Changes changes;
        try (Connection connection = dataSource.getConnection()) {
            vendor = JdbcVendor.of(connection);
            commits = Commits.of(connection, vendor);
            changes = H2Changes.of(connection, vendor);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open database " + where + ": " + rootMessage(e), e);
        }
        if (upToDate(dataSource)) {
            // the common case of a restart: no Flyway at all, whose set-up and classpath scan cost a
            // noticeable part of the start-up (validation of applied checksums happens on every migration)
            return new JdbcStore(dataSource, pool, vendor, commits, changes);
        }
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .placeholders(vendor.placeholders())
                    .javaMigrations(new RefoldMigration())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot migrate database " + where + ": " + rootMessage(e), e);
        }
        return new JdbcStore(dataSource, pool, vendor, commits, changes);
    }

    /**
     * Whether every migration up to {@link #LATEST_MIGRATION} is applied, successfully, and nothing
     * later: read from Flyway's own history table; false when there is none yet.
     */
    private static boolean upToDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            int latest = 0;
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return false;
                }
                String version = r.getString(1);
                if (version != null) {
                    latest = Math.max(latest, Integer.parseInt(version));
                }
            }
            return latest == LATEST_MIGRATION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /** The URL without anything that looks like a password. */
    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** H2 or PostgreSQL: for tests and diagnostics. */
    String vendor() {
        return vendor.name();
    }

    @Override
    public Tenants tenants() {
        return tenants;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Groups groups() {
        return groups;
    }

    @Override
    public Invitations invitations() {
        return invitations;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Deviations deviations() {
        return deviations;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return transactions;
    }

    /** Closes the pool this store opened; a caller's data source is left open. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
