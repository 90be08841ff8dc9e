package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 4: recomputes every stored case fold with scim-core's {@code CaseFolding}, the one
 * definition of "the same text, ignoring case" every store now shares. Before it, the unique
 * {@code user_name_key} folded with {@code toLowerCase(Locale.ROOT)} and the filter columns as
 * {@code equalsIgnoreCase} compares, so {@code ας} and {@code ασ} were two userNames that
 * {@code userName eq "ασ"} found both of. ASCII-only rows fold as before and are left alone.
 *
 * <p>Two names that were distinct before and fold alike now (two users {@code ας} and {@code ασ}
 * of one tenant) cannot both keep the key: the older keeps it, the newer gets the key followed by
 * U+001F and its id, so that the unique index holds and no data is lost; {@code userName eq} finds
 * both, as it should, and a warning names them so that the operator can rename one.
 */
final class RefoldMigration implements JavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(RefoldMigration.class);
    private static final int BATCH = 500;

    @Override
    public Integer getChecksum() {
        return 4_0001;
    }

    @Override
    public String getDescription() {
        return "refold";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX users_user_name");
            s.execute("DROP INDEX scim_groups_display_name");
        }
        refoldUsers(c);
        refoldGroups(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX users_user_name ON users (tenant_id, user_name_key)");
            s.execute("CREATE UNIQUE INDEX scim_groups_display_name ON scim_groups (tenant_id, display_name_key)");
        }
    }

    private static void refoldUsers(Connection c) throws SQLException {
        String tenant = null;
        Set<String> keys = new HashSet<>();
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT tenant_id, id, user_name, user_name_key, document,"
                + " version, created_ns, last_modified_ns FROM users ORDER BY tenant_id, seq");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString("tenant_id").equals(tenant)) {
                    tenant = rs.getString("tenant_id");
                    keys.clear();
                }
                String userName = rs.getString("user_name");
                String document = rs.getString("document");
                String key = JdbcUserColumns.fold(userName);
                if (!keys.add(key)) {
                    String kept = key;
                    key = key + '\u001f' + rs.getString("id");
                    keys.add(key);
                    LOG.warn("Tenant {} has two userNames that are the same ignoring case ('{}'); user {} keeps a key"
                            + " of its own until one of them is renamed", tenant, kept, rs.getString("id"));
                }
                if (ascii(userName) && ascii(document) && key.equals(rs.getString("user_name_key"))) {
                    continue;
                }
                JdbcDocuments.UserDocument d = JdbcDocuments.user(document);
                User user = new User(UserId.of(rs.getString("id")), TenantId.of(tenant), UserName.of(userName),
                        Optional.empty(), d.profile(), d.state(), Version.of(rs.getLong("version")),
                        JdbcTime.instant(rs.getLong("created_ns")), JdbcTime.instant(rs.getLong("last_modified_ns")));
                changed.add(new Object[] {user, key});
                if (changed.size() == BATCH) {
                    writeUsers(c, changed);
                    changed.clear();
                }
            }
        }
        writeUsers(c, changed);
    }

    private static void writeUsers(Connection c, List<Object[]> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET user_name_key = ?, user_name_fold = ?,"
                + " display_name_fold = ?, given_name_fold = ?, family_name_fold = ? WHERE tenant_id = ? AND id = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM user_emails WHERE tenant_id = ? AND user_id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO user_emails (tenant_id, user_id, element,"
                     + " value_fold, type_fold, is_primary) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : changed) {
                User user = (User) row[0];
                JdbcUserColumns columns = JdbcUserColumns.of(user);
                JdbcRows.bind(update, Arrays.asList(row[1], user.userName().key(), columns.displayNameFold(),
                        columns.givenNameFold(), columns.familyNameFold(), user.tenantId().value(), user.id().value()));
                update.addBatch();
                JdbcRows.bind(delete, List.of(user.tenantId().value(), user.id().value()));
                delete.addBatch();
                int element = 0;
                for (JdbcUserColumns.Email e : columns.emails()) {
                    JdbcRows.bind(insert, Arrays.asList(user.tenantId().value(), user.id().value(), element++,
                            e.valueFold(), e.typeFold(), e.primary()));
                    insert.addBatch();
                }
            }
            update.executeBatch();
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private static void refoldGroups(Connection c) throws SQLException {
        String tenant = null;
        Set<String> keys = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT tenant_id, id, display_name, display_name_key"
                + " FROM scim_groups ORDER BY tenant_id, seq");
             PreparedStatement update = c.prepareStatement("UPDATE scim_groups SET display_name_key = ?"
                     + " WHERE tenant_id = ? AND id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString("tenant_id").equals(tenant)) {
                    tenant = rs.getString("tenant_id");
                    keys.clear();
                }
                String key = GroupHeader.displayNameKey(rs.getString("display_name"));
                if (!keys.add(key)) {
                    LOG.warn("Tenant {} has two group displayNames that are the same ignoring case ('{}'); group {}"
                            + " keeps a key of its own until one of them is renamed", tenant, key, rs.getString("id"));
                    key = key + '\u001f' + rs.getString("id");
                    keys.add(key);
                }
                if (!key.equals(rs.getString("display_name_key"))) {
                    JdbcRows.bind(update, List.of(key, tenant, rs.getString("id")));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
