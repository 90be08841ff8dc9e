package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageKey;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.filter.RequiredEquality;
import org.provisio.scim.query.KeysetSlice;
import org.provisio.scim.query.ResourceQuery;
import org.provisio.scim.query.Slice;
import org.provisio.scim.query.SortPosition;
import org.provisio.scim.resource.ComplexValue;

/**
 * Groups in {@code scim_groups}, their members in {@code group_members}, one row per membership.
 * Membership changes are deltas in batched statements; a header read never touches
 * {@code group_members}; {@code IN} lists are chunked, so no operation costs a round trip per member.
 */
final class JdbcGroups implements Groups {
    private static final String COLUMNS = "SELECT g.id, g.tenant_id, g.display_name, g.external_id, g.version,"
            + " g.created_ns, g.last_modified_ns FROM scim_groups g";
    /** Ids per {@code IN (...)} list. */
    private static final int CHUNK = 500;
    private final JdbcTransactions tx;
    private final JdbcVendor vendor;

    JdbcGroups(JdbcTransactions tx, JdbcVendor vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public WriteOutcome add(Group group) {
        return tx.call(c -> {
            if (!JdbcTransactions.insertUnlessTaken(c, vendor, "INSERT INTO scim_groups (tenant_id, id, display_name,"
                            + " display_name_key, external_id, version, created_ns, last_modified_ns)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    group.tenantId().value(), group.id().value(), group.displayName(),
                    group.header().displayNameKey(), group.externalId().orElse(null), group.version().value(),
                    JdbcTime.nanos(group.createdAt()), JdbcTime.nanos(group.lastModifiedAt()))) {
                return WriteOutcome.NOT_UNIQUE;
            }
            insertMembers(c, group.tenantId(), group.id(), group.members());
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public WriteOutcome update(GroupHeader group, Version expected) {
        return tx.call(c -> {
            int[] changed = new int[1];
            boolean taken = JdbcTransactions.violatesUnique(c, vendor, k -> {
                changed[0] = JdbcRows.update(k, "UPDATE scim_groups SET display_name = ?, display_name_key = ?,"
                                + " external_id = ?, version = ?, last_modified_ns = ?"
                                + " WHERE tenant_id = ? AND id = ? AND version = ?",
                        group.displayName(), group.displayNameKey(), group.externalId().orElse(null),
                        group.version().value(), JdbcTime.nanos(group.lastModifiedAt()),
                        group.tenantId().value(), group.id().value(), expected.value());
                return null;
            });
            if (taken) {
                return WriteOutcome.NOT_UNIQUE;
            }
            if (changed[0] == 0) {
                return exists(c, group.tenantId(), group.id()) ? WriteOutcome.STALE_VERSION : WriteOutcome.NOT_FOUND;
            }
            return WriteOutcome.WRITTEN;
        });
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return tx.call(c -> {
            Optional<GroupHeader> header = header(c, tenant, id);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            Set<UserId> members = new HashSet<>(JdbcRows.list(c,
                    "SELECT user_id FROM group_members WHERE tenant_id = ? AND group_id = ?",
                    rs -> UserId.of(rs.getString(1)), tenant.value(), id.value()));
            return Optional.of(Group.of(header.get(), members));
        });
    }

    @Override
    public Optional<GroupHeader> findHeader(TenantId tenant, GroupId id) {
        return tx.call(c -> header(c, tenant, id));
    }

    @Override
    public Optional<GroupHeader> lockHeader(TenantId tenant, GroupId id) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE g.tenant_id = ? AND g.id = ? FOR UPDATE", JdbcGroups::row,
                tenant.value(), id.value()));
    }

    private static Optional<GroupHeader> header(Connection c, TenantId tenant, GroupId id) throws SQLException {
        return JdbcRows.one(c, COLUMNS + " WHERE g.tenant_id = ? AND g.id = ?", JdbcGroups::row, tenant.value(),
                id.value());
    }

    /**
     * Without filter and sort, one page in SQL. Otherwise the candidates (only the group named by a
     * required {@code displayName eq}, {@code externalId eq} or {@code id eq}, else all the tenant's
     * groups, with their members only when the query looks at them) are filtered, sorted and paged
     * by scim-core's {@link ResourceQuery}, exactly as in memory. A keyset page (RFC 9865 cursors)
     * in creation order reads on from its key's {@code seq}; a sorted one is picked by scim-core
     * after its key's {@link SortPosition}.
     */
    @Override
    public Page<GroupHeader> query(TenantId tenant, GroupQuery query) {
        // compiling first rejects the filters the RFC forbids
        query.filter().ifPresent(f -> FilterEvaluator.compile(f, query.schema()));
        return query.page().fold(index -> index(tenant, query, index), keyset -> keyset(tenant, query, keyset));
    }

    private Page<GroupHeader> index(TenantId tenant, GroupQuery query, PageRequest page) {
        if (query.filter().isEmpty() && query.sort().isEmpty()) {
            return tx.call(c -> JdbcPaging.page(c, COLUMNS.substring("SELECT ".length(), COLUMNS.indexOf(" FROM")),
                    "FROM scim_groups g WHERE g.tenant_id = ?", List.of(tenant.value()), "g.seq", page,
                    JdbcGroups::row));
        }
        Candidates candidates = candidates(tenant, query);
        boolean withMembers = query.needsMembers();
        return tx.call(c -> {
            List<GroupHeader> all = JdbcRows.list(c, COLUMNS + candidates.where() + " ORDER BY g.seq",
                    candidates.params(), JdbcGroups::row);
            Map<GroupId, Set<UserId>> members = withMembers ? membersOf(c, tenant, all) : Map.of();
            Slice<GroupHeader> slice = ResourceQuery.run(all,
                    g -> g.toScimForFilter(members.getOrDefault(g.id(), Set.of())), query.filter(), query.sort(),
                    page.offset(), page.count(), query.schema());
            return new Page<>(slice.items(), page.startIndex(), slice.total());
        });
    }

    private Page<GroupHeader> keyset(TenantId tenant, GroupQuery query, KeysetRequest request) {
        boolean withMembers = query.needsMembers();
        if (query.sort().isPresent()) {
            Optional<SortPosition> after = request.after().isStart() ? Optional.empty()
                    : Optional.of(request.after().position());
            Candidates candidates = candidates(tenant, query);
            return tx.call(c -> {
                List<GroupHeader> all = JdbcRows.list(c, COLUMNS + candidates.where() + " ORDER BY g.seq",
                        candidates.params(), JdbcGroups::row);
                Map<GroupId, Set<UserId>> members = withMembers ? membersOf(c, tenant, all) : Map.of();
                KeysetSlice<GroupHeader> slice = ResourceQuery.keyset(all,
                        g -> g.toScimForFilter(members.getOrDefault(g.id(), Set.of())), query.filter(),
                        query.sort().get(), after, request.count(), query.schema());
                Optional<PageKey> next = !slice.more() ? Optional.empty()
                        : Optional.of(slice.last().map(PageKey::ofPosition).orElse(request.after()));
                return Page.keyset(slice.items(), request.knownTotal().orElse(slice.total()), next);
            });
        }
        long after = request.after().isStart() ? -1 : request.after().sequence();
        boolean counting = request.knownTotal().isEmpty();
        // without a filter the page is read in SQL; with one, counting reads every candidate, else those after the key
        Candidates candidates = candidates(tenant, query);
        long from = query.filter().isEmpty() || !counting ? after : -1;
        String limit = query.filter().isEmpty() ? " FETCH FIRST " + (request.count() + 1) + " ROWS ONLY" : "";
        return tx.call(c -> {
            List<Sequenced> rows = JdbcRows.list(c, "SELECT g.seq," + COLUMNS.substring("SELECT".length())
                    + candidates.where() + " AND g.seq > ? ORDER BY "
                    + (query.filter().isEmpty() ? "g.tenant_id, g.seq" : "g.seq") + limit,
                    append(candidates.params(), from),
                    rs -> new Sequenced(rs.getLong("seq"), row(rs)));
            Map<GroupId, Set<UserId>> members = withMembers
                    ? membersOf(c, tenant, rows.stream().map(Sequenced::group).toList()) : Map.of();
            Predicate<ComplexValue> matches = query.filter().map(f -> FilterEvaluator.compile(f, query.schema()))
                    .orElse(v -> true);
            List<Sequenced> page = new ArrayList<>();
            long total = 0;
            for (Sequenced row : rows) {
                if (matches.test(row.group().toScimForFilter(members.getOrDefault(row.group().id(), Set.of())))) {
                    total++;
                    if (row.seq() > after && page.size() <= request.count()) {
                        page.add(row);
                    }
                }
            }
            boolean more = page.size() > request.count();
            List<Sequenced> items = more ? page.subList(0, request.count()) : page;
            Optional<PageKey> next = !more ? Optional.empty() : Optional.of(items.isEmpty() ? request.after()
                    : PageKey.ofSequence(items.get(items.size() - 1).seq()));
            if (counting && query.filter().isEmpty() && (more || !request.after().isStart())) {
                total = JdbcRows.count(c, "SELECT COUNT(*) FROM scim_groups g WHERE g.tenant_id = ?",
                        List.of(tenant.value()));
            }
            return Page.keyset(items.stream().map(Sequenced::group).toList(), request.knownTotal().orElse(total), next);
        });
    }

    /** A group with its creation sequence number. */
    private record Sequenced(long seq, GroupHeader group) {
    }

    /** The {@code WHERE} of a query's candidates. */
    private record Candidates(String where, List<Object> params) {
    }

    private static Candidates candidates(TenantId tenant, GroupQuery query) {
        String where = " WHERE g.tenant_id = ?";
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        String core = query.schema().core().id();
        Optional<String> name = query.filter().flatMap(f -> RequiredEquality.of(f, "displayName", core));
        Optional<String> externalId = query.filter().flatMap(f -> RequiredEquality.of(f, "externalId", core))
                .filter(v -> v.length() <= GroupHeader.MAX_EXTERNAL_ID);
        Optional<String> id = query.filter().flatMap(f -> RequiredEquality.of(f, "id", core)).filter(v -> v.length() <= 64);
        if (name.isPresent()) {
            where += " AND g.display_name_key = ?";
            params.add(GroupHeader.displayNameKey(name.get()));
        } else if (externalId.isPresent()) {
            where += " AND g.external_id = ?";
            params.add(externalId.get());
        } else if (id.isPresent()) {
            where += " AND g.id = ?";
            params.add(id.get());
        }
        return new Candidates(where, params);
    }

    private static List<Object> append(List<Object> params, Object value) {
        List<Object> out = new ArrayList<>(params);
        out.add(value);
        return out;
    }

    /** The members of the given groups, by group. */
    private static Map<GroupId, Set<UserId>> membersOf(Connection c, TenantId tenant, List<GroupHeader> groups)
            throws SQLException {
        Map<GroupId, Set<UserId>> out = new HashMap<>();
        List<String> ids = groups.stream().map(g -> g.id().value()).toList();
        for (List<String> chunk : chunks(ids)) {
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            params.addAll(chunk);
            for (String[] m : JdbcRows.list(c, "SELECT group_id, user_id FROM group_members WHERE tenant_id = ?"
                    + " AND group_id IN (" + marks(chunk.size()) + ")", params,
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                out.computeIfAbsent(GroupId.of(m[0]), k -> new LinkedHashSet<>()).add(UserId.of(m[1]));
            }
        }
        return out;
    }

    @Override
    public Set<UserId> membersAmong(TenantId tenant, GroupId id, Set<UserId> candidates) {
        return tx.call(c -> {
            Set<UserId> out = new LinkedHashSet<>();
            for (List<String> chunk : chunks(candidates.stream().map(UserId::value).toList())) {
                List<Object> params = new ArrayList<>();
                params.add(tenant.value());
                params.add(id.value());
                params.addAll(chunk);
                out.addAll(JdbcRows.list(c, "SELECT user_id FROM group_members WHERE tenant_id = ? AND group_id = ?"
                        + " AND user_id IN (" + marks(chunk.size()) + ")", params, rs -> UserId.of(rs.getString(1))));
            }
            return out;
        });
    }

    @Override
    public void addMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO group_members (tenant_id, group_id, user_id)"
                    + " SELECT ?, ?, ? FROM scim_groups g WHERE g.tenant_id = ? AND g.id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM group_members m WHERE m.tenant_id = ? AND m.group_id = ? AND m.user_id = ?)")) {
                for (UserId user : users) {
                    JdbcRows.bind(s, List.of(tenant.value(), id.value(), user.value(), tenant.value(), id.value(),
                            tenant.value(), id.value(), user.value()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void removeMembers(TenantId tenant, GroupId id, Set<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM group_members WHERE tenant_id = ? AND group_id = ? AND user_id = ?")) {
                for (UserId user : users) {
                    JdbcRows.bind(s, List.of(tenant.value(), id.value(), user.value()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
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
    public Map<UserId, List<GroupHeader>> groupsOf(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return tx.call(c -> groupsOf(c, tenant, users));
    }

    /** The groups of several users of a tenant at once, in creation order, without members; users without groups are absent. */
    Map<UserId, List<GroupHeader>> groupsOf(Connection c, TenantId tenant, Collection<UserId> users)
            throws SQLException {
        Map<UserId, List<GroupHeader>> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(users.stream().map(UserId::value).toList())) {
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            params.addAll(chunk);
            JdbcRows.list(c, "SELECT m.user_id, g.id, g.tenant_id, g.display_name, g.external_id, g.version,"
                    + " g.created_ns, g.last_modified_ns FROM group_members m JOIN scim_groups g"
                    + " ON g.tenant_id = m.tenant_id AND g.id = m.group_id"
                    + " WHERE m.tenant_id = ? AND m.user_id IN (" + marks(chunk.size()) + ") ORDER BY g.seq", params,
                    rs -> {
                        out.computeIfAbsent(UserId.of(rs.getString("user_id")), k -> new ArrayList<>()).add(row(rs));
                        return null;
                    });
        }
        return out;
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

    /** {@code values} in slices of at most {@value #CHUNK}. */
    static List<List<String>> chunks(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            out.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return out;
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static GroupHeader row(ResultSet rs) throws SQLException {
        return header(rs, "");
    }

    /** A group header from a row whose header columns carry {@code prefix} ({@code g_id}, ...) when joined. */
    static GroupHeader header(ResultSet rs, String prefix) throws SQLException {
        return new GroupHeader(GroupId.of(rs.getString(prefix + "id")), TenantId.of(rs.getString(prefix + "tenant_id")),
                rs.getString(prefix + "display_name"), Optional.ofNullable(rs.getString(prefix + "external_id")),
                Version.of(rs.getLong(prefix + "version")), JdbcTime.instant(rs.getLong(prefix + "created_ns")),
                JdbcTime.instant(rs.getLong(prefix + "last_modified_ns")));
    }
}
