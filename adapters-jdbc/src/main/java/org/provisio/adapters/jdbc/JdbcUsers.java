package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserWithGroups;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Users;
import org.provisio.domain.port.WriteOutcome;

/**
 * Users in {@code users} with their emails in {@code user_emails}. The unique index on
 * {@code (tenant_id, user_name_key)} decides userName races; a row lock ({@code FOR UPDATE}) taken
 * by {@link #lock} serialises writers of one user; {@code UPDATE ... WHERE version = ?} guards
 * every update. Queries are planned by {@link JdbcUserQueries}.
 */
final class JdbcUsers implements Users {
    static final String COLUMNS = "u.seq, u.tenant_id, u.id, u.user_name, u.external_id, u.version,"
            + " u.created_ns, u.last_modified_ns, u.document";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM users u";

    private final JdbcTransactions tx;
    private final JdbcVendor vendor;
    private final JdbcUserQueries queries;

    JdbcUsers(JdbcTransactions tx, JdbcVendor vendor, JdbcGroups groups) {
        this.tx = tx;
        this.vendor = vendor;
        this.queries = new JdbcUserQueries(vendor, groups);
    }

    @Override
    public WriteOutcome add(User user) {
        JdbcUserColumns columns = JdbcUserColumns.of(user);
        String document = JdbcDocuments.user(user.state(), user.profile());
        return tx.call(c -> {
            boolean taken = !JdbcTransactions.insertUnlessTaken(c, vendor, "INSERT INTO users"
                            + " (tenant_id, id, user_name, user_name_key, user_name_fold, external_id, display_name_fold,"
                            + " given_name_fold, family_name_fold, status, suspended_ns, purge_ns, version, created_ns,"
                            + " last_modified_ns, irregular, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    user.tenantId().value(), user.id().value(), user.userName().value(), user.userName().key(),
                    user.userName().key(), user.externalId().orElse(null), columns.displayNameFold(),
                    columns.givenNameFold(), columns.familyNameFold(), user.status().name(), suspendedNanos(user),
                    purgeNanos(user), user.version().value(), JdbcTime.nanos(user.createdAt()),
                    JdbcTime.nanos(user.lastModifiedAt()), columns.irregular(), document);
            if (taken) {
                return WriteOutcome.NOT_UNIQUE;
            }
            insertEmails(c, user, columns);
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(User user, Version expected) {
        return write(user, expected, true);
    }

    /** Leaves the rows of {@code user_emails} alone when the emails are those already stored. */
    @Override
    public WriteOutcome replace(User before, User after) {
        return write(after, before.version(), !JdbcUserColumns.sameEmails(before, after));
    }

    private WriteOutcome write(User user, Version expected, boolean emailsChanged) {
        JdbcUserColumns columns = JdbcUserColumns.of(user);
        String document = JdbcDocuments.user(user.state(), user.profile());
        return tx.call(c -> {
            String set = "UPDATE users SET user_name = ?, user_name_key = ?, user_name_fold = ?,"
                    + " external_id = ?, display_name_fold = ?, given_name_fold = ?, family_name_fold = ?,"
                    + " status = ?, suspended_ns = ?, purge_ns = ?, version = ?, created_ns = ?,"
                    + " last_modified_ns = ?, irregular = ?, document = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?";
            Object[] params = {user.userName().value(), user.userName().key(), user.userName().key(),
                user.externalId().orElse(null), columns.displayNameFold(), columns.givenNameFold(),
                columns.familyNameFold(), user.status().name(), suspendedNanos(user), purgeNanos(user),
                user.version().value(), JdbcTime.nanos(user.createdAt()), JdbcTime.nanos(user.lastModifiedAt()),
                columns.irregular(), document, user.tenantId().value(), user.id().value(), expected.value()};
            int[] changed = new int[1];
            if (vendor.abortsOnError()) {
                // most updates keep the name, and one that keeps its key cannot collide: no savepoint
                // (which PostgreSQL needs around a statement that may fail) for those
                Object[] sameName = Arrays.copyOf(params, params.length + 1);
                sameName[params.length] = user.userName().key();
                changed[0] = JdbcRows.update(c, set + " AND user_name_key = ?", sameName);
            }
            boolean taken = changed[0] == 0 && JdbcTransactions.violatesUnique(c, vendor, k -> {
                changed[0] = JdbcRows.update(k, set, params);
                return null;
            });
            if (taken) {
                return WriteOutcome.NOT_UNIQUE;
            }
            if (changed[0] == 0) {
                return JdbcRows.one(c, "SELECT 1 FROM users WHERE tenant_id = ? AND id = ?", rs -> 1,
                        user.tenantId().value(), user.id().value()).isPresent()
                        ? WriteOutcome.STALE_VERSION : WriteOutcome.NOT_FOUND;
            }
            if (emailsChanged) {
                JdbcRows.update(c, "DELETE FROM user_emails WHERE tenant_id = ? AND user_id = ?",
                        user.tenantId().value(), user.id().value());
                insertEmails(c, user, columns);
            }
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return tx.call(c -> JdbcRows.one(c, SELECT + " WHERE u.tenant_id = ? AND u.id = ?", JdbcUsers::user,
                tenant.value(), id.value()));
    }

    /**
     * One statement: the user's row joined with its groups' headers, a row per group (the user's
     * columns repeated; users are members of a handful of groups), none of them without groups.
     */
    @Override
    public Optional<UserWithGroups> findWithGroups(TenantId tenant, UserId id) {
        return tx.call(c -> {
            WithGroups found = new WithGroups();
            JdbcRows.list(c, "SELECT " + COLUMNS + WithGroups.COLUMNS + " FROM users u" + WithGroups.JOIN
                    + " WHERE u.tenant_id = ? AND u.id = ? ORDER BY g.seq", List.of(tenant.value(), id.value()), found::add);
            return found.users().stream().findFirst();
        });
    }

    /**
     * Users read with the headers of their groups in one statement: {@code users u} joined
     * ({@link #JOIN}) with their groups, a row per group (the user's columns repeated; users are
     * members of a handful of groups) and one without group columns for a user without groups,
     * the rows of a user next to each other, its groups in creation order.
     */
    static final class WithGroups {
        /** The group columns of the join, for a select list after the users columns. */
        static final String COLUMNS = ", g.id AS g_id, g.tenant_id AS g_tenant_id, g.display_name AS g_display_name,"
                + " g.external_id AS g_external_id, g.version AS g_version, g.created_ns AS g_created_ns,"
                + " g.last_modified_ns AS g_last_modified_ns";
        /** The join of a users row {@code u} with its groups {@code g}. */
        static final String JOIN = " LEFT JOIN group_members m ON m.tenant_id = u.tenant_id AND m.user_id = u.id"
                + " LEFT JOIN scim_groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id";

        private final List<UserWithGroups> users = new ArrayList<>();
        private User user;
        private List<GroupHeader> groups;

        /** Takes the current row; a {@link JdbcRows.RowMapper} whose results are ignored. */
        Void add(ResultSet rs) throws SQLException {
            String id = rs.getString("id");
            if (user == null || !user.id().value().equals(id)) {
                finish();
                user = user(rs);
                groups = new ArrayList<>();
            }
            if (rs.getString("g_id") != null) {
                groups.add(JdbcGroups.header(rs, "g_"));
            }
            return null;
        }

        /** The users read, in the order of their rows. */
        List<UserWithGroups> users() {
            finish();
            return users;
        }

        private void finish() {
            if (user != null) {
                users.add(new UserWithGroups(user, groups));
                user = null;
            }
        }
    }

    @Override
    public Optional<User> lock(TenantId tenant, UserId id) {
        return tx.call(c -> JdbcRows.one(c, SELECT + " WHERE u.tenant_id = ? AND u.id = ? FOR UPDATE", JdbcUsers::user,
                tenant.value(), id.value()));
    }

    @Override
    public Optional<User> findByUserName(TenantId tenant, UserName userName) {
        return tx.call(c -> JdbcRows.one(c, SELECT + " WHERE u.tenant_id = ? AND u.user_name_key = ?",
                JdbcUsers::user, tenant.value(), userName.key()));
    }

    @Override
    public Map<UserId, UserName> userNames(TenantId tenant, Collection<UserId> ids) {
        return tx.call(c -> names(c, tenant, ids, ""));
    }

    /** Locks in id order, chunk by chunk, so that two lockers of overlapping sets never wait in a cycle. */
    @Override
    public Map<UserId, UserName> lockNames(TenantId tenant, Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.call(c -> names(c, tenant, ids, " ORDER BY id FOR UPDATE"));
    }

    private static Map<UserId, UserName> names(Connection c, TenantId tenant, Collection<UserId> ids, String tail)
            throws SQLException {
        Map<UserId, UserName> out = new LinkedHashMap<>();
        for (List<String> chunk : JdbcGroups.chunks(ids.stream().map(UserId::value).distinct().sorted().toList())) {
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            params.addAll(chunk);
            JdbcRows.list(c, "SELECT id, user_name FROM users WHERE tenant_id = ? AND id IN ("
                    + JdbcGroups.marks(chunk.size()) + ")" + tail, params, rs -> {
                        out.put(UserId.of(rs.getString(1)), UserName.of(rs.getString(2)));
                        return null;
                    });
        }
        return out;
    }

    @Override
    public Page<UserWithGroups> queryWithGroups(TenantId tenant, UserQuery query) {
        return query.page().fold(index -> tx.call(c -> queries.index(c, tenant, query, index)),
                keyset -> tx.call(c -> queries.keyset(c, tenant, query, keyset)));
    }

    @Override
    public Page<User> listByStatus(TenantId tenant, Optional<UserStatus> status, Optional<String> search,
                                   PageRequest page) {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        StringBuilder from = new StringBuilder("FROM users u WHERE u.tenant_id = ?");
        status.ifPresent(s -> {
            from.append(" AND u.status = ?");
            params.add(s.name());
        });
        search.ifPresent(text -> {
            String like = "%" + JdbcFilterTranslator.likeEscaped(JdbcUserColumns.fold(text)) + "%";
            from.append(" AND (u.user_name_fold LIKE ? ESCAPE '\\' OR u.display_name_fold LIKE ? ESCAPE '\\'"
                    + " OR u.given_name_fold LIKE ? ESCAPE '\\' OR u.family_name_fold LIKE ? ESCAPE '\\'"
                    + " OR u.id IN (SELECT e.user_id FROM user_emails e WHERE e.tenant_id = ?"
                    + " AND e.value_fold LIKE ? ESCAPE '\\'))");
            params.addAll(List.of(like, like, like, like, tenant.value(), like));
        });
        return tx.call(c -> JdbcPaging.page(c, COLUMNS, from.toString(), params, "u.seq", page, JdbcUsers::user));
    }

    /**
     * Locks the rows it returns until the end of the unit of work, skipping rows another purge
     * holds: purges of several instances on one database never pick the same user.
     */
    @Override
    public List<User> dueForPurge(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // the lower bound lets H2 start its index range after the users without a purge time (nulls sort first)
        String due = " WHERE u.status = 'SUSPENDED' AND u.purge_ns >= " + Long.MIN_VALUE + " AND u.purge_ns <= ?";
        String order = " ORDER BY u.purge_ns, u.seq";
        long at = JdbcTime.nanos(now);
        return tx.call(c -> {
            if (!vendor.locksByKey()) {
                return JdbcRows.list(c, SELECT + due + order + " FETCH FIRST ? ROWS ONLY" + vendor.forUpdateSkipLocked(),
                        JdbcUsers::user, at, limit);
            }
            List<String[]> keys = JdbcRows.list(c, "SELECT u.tenant_id, u.id FROM users u" + due + order
                    + " FETCH FIRST ? ROWS ONLY", rs -> new String[] {rs.getString(1), rs.getString(2)}, at, limit);
            List<User> locked = new ArrayList<>();
            for (String[] key : keys) {
                JdbcRows.one(c, SELECT + due + " AND u.tenant_id = ? AND u.id = ?" + vendor.forUpdateSkipLocked(),
                        JdbcUsers::user, at, key[0], key[1]).ifPresent(locked::add);
            }
            return locked;
        });
    }

    /** A few hundred ids per statement. */
    @Override
    public int touch(TenantId tenant, Collection<UserId> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.call(c -> {
            int touched = 0;
            for (List<String> chunk : JdbcGroups.chunks(ids.stream().map(UserId::value).sorted().toList())) {
                List<Object> params = new ArrayList<>(chunk.size() + 2);
                params.add(JdbcTime.nanos(at));
                params.add(tenant.value());
                params.addAll(chunk);
                touched += JdbcRows.update(c, "UPDATE users SET version = version + 1, last_modified_ns = ?"
                        + " WHERE tenant_id = ? AND id IN (" + JdbcGroups.marks(chunk.size()) + ")", params.toArray());
            }
            return touched;
        });
    }

    @Override
    public boolean delete(TenantId tenant, UserId id) {
        return tx.call(c -> {
            JdbcRows.update(c, "DELETE FROM user_emails WHERE tenant_id = ? AND user_id = ?", tenant.value(),
                    id.value());
            return JdbcRows.update(c, "DELETE FROM users WHERE tenant_id = ? AND id = ?", tenant.value(),
                    id.value()) > 0;
        });
    }

    private static void insertEmails(Connection c, User user, JdbcUserColumns columns) throws SQLException {
        if (columns.emails().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO user_emails (tenant_id, user_id, element,"
                + " value_fold, type_fold, is_primary) VALUES (?, ?, ?, ?, ?, ?)")) {
            int element = 0;
            for (JdbcUserColumns.Email e : columns.emails()) {
                JdbcRows.bind(s, Arrays.asList(user.tenantId().value(), user.id().value(), element++,
                        e.valueFold(), e.typeFold(), e.primary()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Long suspendedNanos(User user) {
        return user.state() instanceof Suspended s ? JdbcTime.nanos(s.suspendedAt()) : null;
    }

    private static Long purgeNanos(User user) {
        return user.state() instanceof Suspended s ? JdbcTime.nanos(s.purgeAt()) : null;
    }

    static User user(ResultSet row) throws SQLException {
        JdbcDocuments.UserDocument document = JdbcDocuments.user(row.getString("document"));
        String externalId = row.getString("external_id");
        return new User(UserId.of(row.getString("id")), TenantId.of(row.getString("tenant_id")),
                UserName.of(row.getString("user_name")), Optional.ofNullable(externalId), document.profile(),
                document.state(), Version.of(row.getLong("version")), JdbcTime.instant(row.getLong("created_ns")),
                JdbcTime.instant(row.getLong("last_modified_ns")));
    }
}
