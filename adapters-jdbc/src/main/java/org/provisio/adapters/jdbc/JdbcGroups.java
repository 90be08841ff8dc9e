package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.WriteOutcome;

/** Groups in {@code scim_groups}, their members in {@code group_members}. */
final class JdbcGroups implements Groups {
    private static final String COLUMNS = "SELECT g.id, g.tenant_id, g.display_name, g.external_id, g.version,"
            + " g.created_ns, g.last_modified_ns FROM scim_groups g";

    /** A group row before its members are read. */
    private record Row(GroupId id, TenantId tenant, String displayName, Optional<String> externalId, Version version,
                       Instant createdAt, Instant lastModifiedAt) {
        Group with(Set<UserId> members) {
            return new Group(id, tenant, displayName, externalId, members, version, createdAt, lastModifiedAt);
        }
    }

    private final JdbcTransactions tx;

    JdbcGroups(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public WriteOutcome add(Group group) {
        return tx.call(c -> JdbcTransactions.violatesUnique(c, k -> {
            JdbcRows.update(k, "INSERT INTO scim_groups (tenant_id, id, display_name, external_id, version, created_ns,"
                            + " last_modified_ns) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    group.tenantId().value(), group.id().value(), group.displayName(), group.externalId().orElse(null),
                    group.version().value(), JdbcTime.nanos(group.createdAt()), JdbcTime.nanos(group.lastModifiedAt()));
            insertMembers(k, group.tenantId(), group.id(), group.members());
            return null;
        }) ? WriteOutcome.NOT_UNIQUE : WriteOutcome.WRITTEN);
    }

    @Override
    public WriteOutcome update(Group group, Version expected) {
        return tx.call(c -> {
            int changed = JdbcRows.update(c, "UPDATE scim_groups SET display_name = ?, external_id = ?, version = ?,"
                            + " created_ns = ?, last_modified_ns = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    group.displayName(), group.externalId().orElse(null), group.version().value(),
                    JdbcTime.nanos(group.createdAt()), JdbcTime.nanos(group.lastModifiedAt()),
                    group.tenantId().value(), group.id().value(), expected.value());
            if (changed == 0) {
                return exists(c, group.tenantId(), group.id()) ? WriteOutcome.STALE_VERSION : WriteOutcome.NOT_FOUND;
            }
            JdbcRows.update(c, "DELETE FROM group_members WHERE tenant_id = ? AND group_id = ?",
                    group.tenantId().value(), group.id().value());
            insertMembers(c, group.tenantId(), group.id(), group.members());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return tx.call(c -> {
            List<Row> rows = JdbcRows.list(c, COLUMNS + " WHERE g.tenant_id = ? AND g.id = ?", JdbcGroups::row,
                    tenant.value(), id.value());
            return withMembers(c, tenant, rows).stream().findFirst();
        });
    }

    @Override
    public boolean delete(TenantId tenant, GroupId id) {
        return tx.call(c -> {
            JdbcRows.update(c, "DELETE FROM group_members WHERE tenant_id = ? AND group_id = ?", tenant.value(),
                    id.value());
            return JdbcRows.update(c, "DELETE FROM scim_groups WHERE tenant_id = ? AND id = ?", tenant.value(),
                    id.value()) > 0;
        });
    }

    @Override
    public List<Group> groupsOf(TenantId tenant, UserId user) {
        return tx.call(c -> groupsOf(c, tenant, List.of(user)).getOrDefault(user, List.of()));
    }

    /** The groups of several users of a tenant at once, in creation order; users without groups are absent. */
    Map<UserId, List<Group>> groupsOf(Connection c, TenantId tenant, Collection<UserId> users) throws SQLException {
        Map<UserId, List<Group>> out = new LinkedHashMap<>();
        List<UserId> all = List.copyOf(users);
        for (int from = 0; from < all.size(); from += 500) {
            List<UserId> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            StringBuilder in = new StringBuilder();
            for (UserId u : chunk) {
                in.append(in.length() == 0 ? "?" : ", ?");
                params.add(u.value());
            }
            List<String[]> memberships = JdbcRows.list(c, "SELECT m.user_id, m.group_id FROM group_members m"
                    + " WHERE m.tenant_id = ? AND m.user_id IN (" + in + ")", params,
                    rs -> new String[] {rs.getString(1), rs.getString(2)});
            if (memberships.isEmpty()) {
                continue;
            }
            Set<String> groupIds = new HashSet<>();
            memberships.forEach(m -> groupIds.add(m[1]));
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Group g : groups(c, tenant, groupIds)) {
                groups.put(g.id().value(), g);
            }
            for (Group g : groups.values()) {
                for (String[] m : memberships) {
                    if (m[1].equals(g.id().value())) {
                        out.computeIfAbsent(UserId.of(m[0]), k -> new ArrayList<>()).add(g);
                    }
                }
            }
        }
        return out;
    }

    /** Groups by id, in creation order, with their members. */
    private List<Group> groups(Connection c, TenantId tenant, Set<String> ids) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        StringBuilder in = new StringBuilder();
        for (String id : ids) {
            in.append(in.length() == 0 ? "?" : ", ?");
            params.add(id);
        }
        List<Row> rows = JdbcRows.list(c, COLUMNS + " WHERE g.tenant_id = ? AND g.id IN (" + in + ") ORDER BY g.seq",
                params, JdbcGroups::row);
        return withMembers(c, tenant, rows);
    }

    @Override
    public int removeMemberEverywhere(TenantId tenant, UserId user, Instant at) {
        return tx.call(c -> {
            int changed = JdbcRows.update(c, "UPDATE scim_groups SET version = version + 1, last_modified_ns = ?"
                            + " WHERE tenant_id = ? AND id IN (SELECT m.group_id FROM group_members m"
                            + " WHERE m.tenant_id = ? AND m.user_id = ?)",
                    JdbcTime.nanos(at), tenant.value(), tenant.value(), user.value());
            JdbcRows.update(c, "DELETE FROM group_members WHERE tenant_id = ? AND user_id = ?", tenant.value(),
                    user.value());
            return changed;
        });
    }

    private static boolean exists(Connection c, TenantId tenant, GroupId id) throws SQLException {
        return JdbcRows.one(c, "SELECT 1 FROM scim_groups WHERE tenant_id = ? AND id = ?", rs -> 1, tenant.value(),
                id.value()).isPresent();
    }

    private static void insertMembers(Connection c, TenantId tenant, GroupId group, Set<UserId> members)
            throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO group_members (tenant_id, group_id, user_id) VALUES (?, ?, ?)")) {
            for (UserId member : members) {
                s.setString(1, tenant.value());
                s.setString(2, group.value());
                s.setString(3, member.value());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<Group> withMembers(Connection c, TenantId tenant, List<Row> rows) throws SQLException {
        List<Group> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Set<UserId> members = new HashSet<>(JdbcRows.list(c,
                    "SELECT user_id FROM group_members WHERE tenant_id = ? AND group_id = ?",
                    rs -> UserId.of(rs.getString(1)), tenant.value(), row.id().value()));
            out.add(row.with(members));
        }
        return out;
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        String externalId = rs.getString("external_id");
        return new Row(GroupId.of(rs.getString("id")), TenantId.of(rs.getString("tenant_id")),
                rs.getString("display_name"), Optional.ofNullable(externalId), Version.of(rs.getLong("version")),
                JdbcTime.instant(rs.getLong("created_ns")), JdbcTime.instant(rs.getLong("last_modified_ns")));
    }
}
