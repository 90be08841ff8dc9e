package org.provisio.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/** Migrations, documents, injection and failures, on both engines. */
class JdbcStoreTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00.123456789Z");
    private static final TenantId TENANT = TenantId.of("acme");

    private static User user(String id, String userName, ComplexValue profile) {
        return User.create(UserId.of(id), TENANT, UserName.of(userName), Optional.of("ext-" + id),
                ScimResource.of(profile), new Active(T0), T0);
    }

    private static List<String> history(TestDatabase database, String url) throws SQLException {
        JdbcSettings s = database.settings(url);
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\", \"installed_on\""
                     + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getTimestamp(3));
            }
            return rows;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyDatabaseIsMigratedOnceAndAReopenedOneIsLeftAsItIs(TestDatabase database) throws Exception {
        String url = database.createEmptyUrl();
        try {
            try (JdbcStore store = JdbcStore.open(database.settings(url))) {
                assertThat(store.vendor()).isEqualTo(database.name());
                store.tenants().add(new Tenant(TENANT, "Acme", T0));
            }
            List<String> first = history(database, url);
            List<String> migrations = first.stream().filter(row -> !row.startsWith("null/")).toList();
            assertThat(migrations).as("every migration applied, V1 first").isNotEmpty()
                    .allMatch(row -> row.matches("\\d+/true/.*"));
            assertThat(migrations.get(0)).startsWith("1/true/");
            assertThat(migrations).anyMatch(row -> row.startsWith("2/true/"));

            try (JdbcStore reopened = JdbcStore.open(database.settings(url))) {
                assertThat(reopened.tenants().find(TENANT)).isPresent();
            }
            assertThat(history(database, url)).isEqualTo(first);
        } finally {
            database.drop(url);
        }
    }

    /** The start-up skips Flyway only for a database at exactly the last migration: the constant must name it. */
    @Test
    void latestMigrationNamesTheLastMigration() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/org/provisio/adapters/jdbc/migration");
        int highest;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(JdbcStore.LATEST_MIGRATION).isEqualTo(Math.max(highest, 4));
    }

    /** A database migrated by an older release (here: up to V5) is migrated the rest of the way, not skipped. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseOfAnOlderReleaseIsMigratedOnOpen(TestDatabase database) throws Exception {
        String url = database.createEmptyUrl();
        try {
            org.flywaydb.core.Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(url, database.settings(url).user(), database.settings(url).password())
                    .locations("classpath:org/provisio/adapters/jdbc/migration")
                    .placeholders(JdbcVendor.fromUrl(url).placeholders())
                    .javaMigrations(new RefoldMigration())
                    .target("5").load().migrate();
            assertThat(history(database, url).stream().filter(row -> !row.startsWith("null/")))
                    .noneMatch(row -> row.startsWith(JdbcStore.LATEST_MIGRATION + "/"));

            try (JdbcStore store = JdbcStore.open(database.settings(url))) {
                store.tenants().add(new Tenant(TENANT, "Acme", T0));
            }

            assertThat(history(database, url)).anyMatch(row -> row.startsWith(JdbcStore.LATEST_MIGRATION + "/true/"));
        } finally {
            database.drop(url);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aProfileReadsBackEqualWithEveryValueType(TestDatabase database) {
        ComplexValue profile = ComplexValue.builder()
                .put("nickName", "Babs")
                .put("x509Certificates", MultiValue.of(ComplexValue.of("value", new BinaryValue("TUlJ"))))
                .put("profileUrl", new ReferenceValue("https://example.com/babs"))
                .put("photos", MultiValue.of(ComplexValue.of("value", new ReferenceValue("https://example.com/p.jpg"),
                        "primary", BooleanValue.TRUE)))
                .put("urn:example:custom", ComplexValue.builder()
                        .put("hired", DateTimeValue.of(Instant.parse("2011-08-01T21:32:44.123456789Z")))
                        .put("salary", DecimalValue.of(new BigDecimal("10")))
                        .put("ratio", DecimalValue.of(new BigDecimal("1.50")))
                        .put("logins", IntegerValue.of(7))
                        .put("@odd", StringValue.of("at"))
                        .putKeepingNull("gone", NullValue.INSTANCE)
                        .put("tags", new MultiValue(List.of()))
                        .put("nested", ComplexValue.of("@dateTime", StringValue.of("not a tag")))
                        .build())
                .build();
        User user = user("u1", "bjensen", profile);
        String url = database.createUrl();
        try (JdbcStore store = JdbcStore.open(database.settings(url))) {
            store.tenants().add(new Tenant(TENANT, "Acme", T0));
            assertThat(store.users().add(user)).isEqualTo(WriteOutcome.WRITTEN);

            assertThat(store.users().find(TENANT, user.id())).contains(user);
        } finally {
            database.drop(url);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sqlInValuesIsJustText(TestDatabase database) {
        String evil = "'; DROP TABLE users; --";
        String url = database.createUrl();
        try (JdbcStore store = JdbcStore.open(database.settings(url))) {
            store.tenants().add(new Tenant(TENANT, evil, T0));
            User user = user("u1", evil, ComplexValue.of("emails", MultiValue.of(ComplexValue.of(
                    "value", StringValue.of(evil + "@x"), "type", StringValue.of("work")))));
            store.users().add(user);

            assertThat(store.users().query(TENANT, UserQuery.filtered(Filter.parse(
                    "userName eq \"'; DROP TABLE users; --\""), PageRequest.first(10))).items()).containsExactly(user);
            assertThat(store.users().query(TENANT, UserQuery.filtered(Filter.parse(
                    "emails[type eq \"work\" and value eq \"'; DROP TABLE users; --@x\"]"), PageRequest.first(10)))
                    .items()).containsExactly(user);
            assertThat(store.users().query(TENANT, UserQuery.filtered(Filter.parse(
                    "userName co \"' OR 1=1 --\""), PageRequest.first(10))).items()).isEmpty();
            assertThat(store.users().findByUserName(TENANT, UserName.of(evil))).contains(user);
            assertThat(store.tenants().find(TENANT).get().name()).isEqualTo(evil);
            assertThat(store.users().listByStatus(TENANT, Optional.empty(), PageRequest.first(10)).totalResults())
                    .isEqualTo(1);
        } finally {
            database.drop(url);
        }
    }

    /**
     * Email and group conditions are subqueries that H2 runs first and inlines as ids; past
     * {@link JdbcUsers#MAX_INLINED_IDS} matches the subquery is left to the database. Both ways give
     * the same users, with and without {@code not}.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void emailConditionsGiveTheSameUsersWhetherFewOrManyMatch(TestDatabase database) {
        String url = database.createUrl();
        try (JdbcStore store = JdbcStore.open(database.settings(url))) {
            store.tenants().add(new Tenant(TENANT, "Acme", T0));
            int many = JdbcUserQueries.MAX_INLINED_IDS + 5;
            for (int i = 0; i < many; i++) {
                store.users().add(user("u" + i, "user" + i, ComplexValue.of("emails", MultiValue.of(ComplexValue.of(
                        "value", StringValue.of("user" + i + "@example.com"),
                        "type", StringValue.of(i == 0 ? "home" : "work"))))));
            }
            assertThat(total(store, "emails[type eq \"work\"]")).isEqualTo(many - 1);
            assertThat(total(store, "not (emails[type eq \"work\"])")).isEqualTo(1);
            assertThat(total(store, "emails[type eq \"work\" and value eq \"USER7@example.com\"]")).isEqualTo(1);
            assertThat(total(store, "emails[type eq \"work\"].value eq \"user7@example.com\" or userName eq \"user9\""))
                    .isEqualTo(2);
            assertThat(total(store, "not (emails[type eq \"home\"]) and emails.value sw \"user1\"")).isEqualTo(116);
            assertThat(total(store, "emails[value eq \"nobody@example.com\"]")).isZero();
        } finally {
            database.drop(url);
        }
    }

    private static long total(JdbcStore store, String filter) {
        return store.users().query(TENANT, UserQuery.filtered(Filter.parse(filter), PageRequest.first(5))).totalResults();
    }

    @Test
    void writesSurviveClosingAndReopeningAFileDatabase() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "h2-durability"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("provisio-" + System.nanoTime());
        User user = user("u1", "bjensen", ComplexValue.of("title", StringValue.of("Tour Guide")));
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of(url))) {
            store.tenants().add(new Tenant(TENANT, "Acme", T0));
            store.unitOfWork().run(() -> store.users().add(user));
        }
        try (JdbcStore reopened = JdbcStore.open(JdbcSettings.of(url))) {
            assertThat(reopened.users().find(TENANT, user.id())).contains(user);
            assertThat(reopened.users().add(user(
                    "u2", "BJENSEN", ComplexValue.EMPTY))).isEqualTo(WriteOutcome.NOT_UNIQUE);
        }
    }

    /**
     * The change count of an embedded H2 is the database's, not Provisio's: a write through another
     * connection of the same process (an embedder's own) moves it too, and a closed database has
     * none, since one opened again under the same name counts from the start.
     */
    @Test
    void anEmbeddedH2CountsTheWritesOfEveryConnectionAndNoneOnceClosed() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "h2-changes"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("provisio-" + System.nanoTime());
        JdbcStore store = JdbcStore.open(JdbcSettings.of(url));
        try (store) {
            store.tenants().add(new Tenant(TENANT, "Acme", T0));
            store.unitOfWork().run(() -> store.users().add(user("u1", "bjensen", ComplexValue.EMPTY)));
            long before = store.unitOfWork().changeCount().orElseThrow();

            try (Connection own = DriverManager.getConnection(url); Statement s = own.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM users").close();
                assertThat(store.unitOfWork().changeCount()).as("a read").hasValue(before);
                s.executeUpdate("UPDATE users SET external_id = 'x' WHERE id = 'u1'");
            }

            assertThat(store.unitOfWork().changeCount().orElseThrow()).isGreaterThan(before);
        }
        assertThat(store.unitOfWork().changeCount()).isEmpty();
    }

    /**
     * The pool's H2 connections cache more parsed statements than H2's 8, which a PATCH and the
     * outbox's claim outnumber ({@link JdbcVendor#connectionDefaults()}), unless the URL or the
     * pool's customizer says otherwise.
     */
    @Test
    void anEmbeddedH2CachesMoreStatementsThanAPatchRunsUnlessTheUrlOrTheCustomizerSaysOtherwise() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "h2-settings"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("provisio-" + System.nanoTime());
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of(url))) {
            assertThat(h2Setting(url, "QUERY_CACHE_SIZE")).isEqualTo("64");
        }
        String own = url + "-own;query_cache_size=16";
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of(own))) {
            assertThat(h2Setting(own, "QUERY_CACHE_SIZE")).as("the URL's own value").isEqualTo("16");
        }
        String customized = url + "-customized";
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of(customized),
                config -> config.addDataSourceProperty("query_cache_size", "32"))) {
            assertThat(h2Setting(customized, "QUERY_CACHE_SIZE")).as("the customizer's value").isEqualTo("32");
        }
    }

    /**
     * What the pool asks of H2 needs no admin right: an H2 setting applied with a {@code SET} on
     * every connection would refuse a user without one (and change the database for its other users).
     */
    @Test
    void anEmbeddedH2OpensForAUserWithoutAdminRights() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "h2-settings"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("restricted-" + System.nanoTime());
        try (Connection admin = DriverManager.getConnection(url, "owner", "owner-secret");
                Statement s = admin.createStatement()) {
            s.execute("CREATE USER app PASSWORD 'app-secret'");
            s.execute("GRANT ALTER ANY SCHEMA TO app");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO app");
            try (JdbcStore store = JdbcStore.open(JdbcSettings.of(url, "app", "app-secret"))) {
                store.tenants().add(new Tenant(TENANT, "Acme", T0));
                assertThat(store.tenants().find(TENANT)).isPresent();
            }
        }
    }

    private static String h2Setting(String url, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                var s = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithOneClearLine() {
        assertThatThrownBy(() -> JdbcStore.open(JdbcSettings.of("jdbc:postgresql://127.0.0.1:1/provisio",
                "provisio", "secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/provisio: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aUrlOfAnotherDatabaseFailsWithOneClearLine() {
        assertThatThrownBy(() -> JdbcStore.open(JdbcSettings.of("jdbc:mysql://localhost/provisio")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open database jdbc:mysql://localhost/provisio: ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> JdbcSettings.of("postgres://localhost/provisio"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
