package org.provisio.adapters.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Outbox;

/**
 * The outbox table. A claim locks the oldest available rows that are their user's head — no older
 * unparked row of the same tenant and user is left — with {@code FOR UPDATE SKIP LOCKED}, so that
 * dispatchers of several instances on one database pass over each other's rows; then, for each
 * head in the order of appending, the user's next unparked rows (read through {@code outbox_user})
 * for as long as they are available and free, up to the run's bound. The claimed rows get
 * {@code available_ns} moved to the end of the lease before the claim commits.
 *
 * <p>Why this keeps a user's order across instances: being the head is monotonic — the rows before
 * a head only ever leave (delivered) or park, never come back — and a row is claimed only as its
 * user's head or in the run of the head this claim holds locked. While a user's head is leased,
 * failed or being delivered it stays in the table and no younger row of that user can start a run,
 * whatever snapshot another instance reads; and since only heads are candidates, a user's backlog
 * never keeps other users' heads out of a claim.
 */
final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "id, tenant_id, user_id, kind, created_ns, payload, attempts, parked_ns, seq";

    private final JdbcTransactions tx;
    private final JdbcVendor vendor;

    JdbcOutbox(JdbcTransactions tx, JdbcVendor vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public void appendAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (id, tenant_id, user_id, kind, created_ns,"
                    + " payload, available_ns, attempts, parked_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxMessage m : messages) {
                    JdbcRows.bind(s, java.util.Arrays.asList(m.id(), m.tenantId().value(), m.subject().key(),
                            m.kind().name(), JdbcTime.nanos(m.createdAt()), JdbcDocuments.map(m.payload()),
                            m.parkedAt().isPresent() ? Long.MAX_VALUE : Long.MIN_VALUE, m.attempts(),
                            m.parkedAt().map(JdbcTime::nanos).orElse(null)));
                    s.addBatch();
                }
                s.executeBatch();
            } catch (SQLException e) {
                if (JdbcTransactions.isUniqueViolation(e)) {
                    throw new IllegalArgumentException("a message of " + messages.get(0).id() + "'s batch exists");
                }
                throw e;
            }
            return null;
        });
    }

    /** A claimed row with its order. */
    private record Row(OutboxMessage message, long seq) {
    }

    @Override
    public List<OutboxMessage> claim(int max, int perUser, Instant now, Duration lease) {
        if (max < 0 || perUser < 1 || lease.isNegative()) {
            throw new IllegalArgumentException("max >= 0, perUser >= 1 and lease >= 0");
        }
        if (max == 0) {
            return List.of();
        }
        long at = JdbcTime.nanos(now);
        return tx.call(c -> {
            List<Row> heads = lockHeads(c, at, max);
            // every head has its place before any run grows past it: the room left is what runs may take
            int room = Math.min(perUser - 1, max - heads.size());
            Map<Recipient, List<Row>> rest = room > 0 ? lockRests(c, heads, at, room) : Map.of();
            List<OutboxMessage> claimed = new ArrayList<>();
            int extra = max - heads.size();
            for (Row head : heads) {
                claimed.add(head.message());
                for (Row row : rest.getOrDefault(Recipient.of(head.message()), List.of())) {
                    if (extra == 0) {
                        break;
                    }
                    claimed.add(row.message());
                    extra--;
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET available_ns = ? WHERE id = ?")) {
                    long until = JdbcTime.nanos(now.plus(lease));
                    for (OutboxMessage m : claimed) {
                        s.setLong(1, until);
                        s.setString(2, m.id());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            return claimed;
        });
    }

    /** Rows read per step of the search for heads. */
    private static final int WINDOW = 400;
    /** Steps a claim takes at most: a claim never reads more than this many windows of rows. */
    private static final int WINDOWS = 10;

    /** A row that may be its user's head: what a window shows of it. */
    private record Candidate(String id, Recipient recipient, long seq, long available) {
    }

    /**
     * The available rows that are their user's head, the first to become available first (new and
     * released rows before retries that came due), locked and then in the order of their
     * appending; rows other claimers hold are passed over. Only heads qualify, so that a user's
     * backlog behind a head that is leased or waits for its retry never takes the places of other
     * users' heads.
     *
     * <p>Rows are read in windows of {@value #WINDOW} in the order of {@code outbox_available
     * (available_ns, seq)}; which of them are heads is decided per user, by one read of each
     * user's oldest unparked row ({@code outbox_user}), never per row. Asking per row (an anti-join)
     * made a claim cost the whole backlog when few of its rows were heads: a burst of changes to one
     * person left 10,000 rows of one user and took PostgreSQL 1.9 s per claim of one head, and H2,
     * ordering by {@code seq} alone, sorted the whole due backlog on every claim. A claim reads at
     * most {@value #WINDOWS} windows; heads further on wait for a later claim.
     */
    private List<Row> lockHeads(Connection c, long at, int max) throws SQLException {
        List<Row> locked = new ArrayList<>();
        Map<Recipient, Long> oldest = new HashMap<>();
        Candidate last = null;
        for (int step = 0; step < WINDOWS && locked.size() < max; step++) {
            List<Candidate> window = last == null
                    ? JdbcRows.list(c, "SELECT id, tenant_id, user_id, seq, available_ns FROM outbox"
                            + " WHERE available_ns <= ? AND parked_ns IS NULL ORDER BY available_ns, seq"
                            + " FETCH FIRST ? ROWS ONLY", JdbcOutbox::candidate, at, WINDOW)
                    : JdbcRows.list(c, "SELECT id, tenant_id, user_id, seq, available_ns FROM outbox"
                            + " WHERE available_ns <= ? AND parked_ns IS NULL"
                            + " AND (available_ns > ? OR (available_ns = ? AND seq > ?)) ORDER BY available_ns, seq"
                            + " FETCH FIRST ? ROWS ONLY", JdbcOutbox::candidate, at, last.available(),
                            last.available(), last.seq(), WINDOW);
            if (window.isEmpty()) {
                break;
            }
            last = window.get(window.size() - 1);
            oldest.putAll(oldestUnparked(c, window.stream().map(Candidate::recipient)
                    .filter(r -> !oldest.containsKey(r)).distinct().toList()));
            List<String> heads = new ArrayList<>();
            for (Candidate candidate : window) {
                if (oldest.getOrDefault(candidate.recipient(), -1L) == candidate.seq()) {
                    heads.add(candidate.id());
                }
            }
            // heads another claimer holds are skipped; the next ones of the window take their places
            for (int from = 0; from < heads.size() && locked.size() < max; ) {
                int to = Math.min(heads.size(), from + (max - locked.size()));
                locked.addAll(lock(c, heads.subList(from, to), at));
                from = to;
            }
            if (window.size() < WINDOW) {
                break;
            }
        }
        locked.sort(Comparator.comparingLong(Row::seq));
        return locked;
    }

    /**
     * The rows of {@code ids} locked, those another claimer holds skipped; under the lock each row
     * is checked again, since another claimer may have leased it after it was read.
     */
    private List<Row> lock(Connection c, List<String> ids, long at) throws SQLException {
        List<Object> params = new ArrayList<>(ids);
        params.add(at);
        return JdbcRows.list(c, "SELECT " + COLUMNS + " FROM outbox WHERE id IN (" + JdbcGroups.marks(ids.size())
                + ") AND available_ns <= ? AND parked_ns IS NULL" + vendor.forUpdateSkipLocked(), params,
                JdbcOutbox::row);
    }

    /**
     * Each user's oldest unparked row: its head. On PostgreSQL one statement whose plan does not
     * grow with the number of users (an array of them joined laterally to {@code outbox_user}): a
     * {@code UNION ALL} of a hundred lookups took it 55-75 ms to plan at every execution, which made
     * a claim cost a quarter of a second and a backlog of 20,000 messages drain at 700 a second. H2
     * plans the {@code UNION ALL}, a hundred users per round trip, quickly.
     */
    private Map<Recipient, Long> oldestUnparked(Connection c, List<Recipient> users) throws SQLException {
        Map<Recipient, Long> oldest = new HashMap<>();
        if (users.isEmpty()) {
            return oldest;
        }
        if (vendor == JdbcVendor.POSTGRESQL) {
            JdbcRows.list(c, "SELECT u.tenant_id, u.user_id, o.seq FROM unnest(?, ?) AS u(tenant_id, user_id)"
                    + " CROSS JOIN LATERAL (SELECT seq FROM outbox WHERE tenant_id = u.tenant_id AND user_id = u.user_id"
                    + " AND parked_ns IS NULL ORDER BY seq FETCH FIRST 1 ROWS ONLY) o",
                    List.of(varchars(c, users, Recipient::tenant), varchars(c, users, Recipient::user)),
                    rs -> oldest.put(new Recipient(rs.getString("tenant_id"), rs.getString("user_id")), rs.getLong("seq")));
            return oldest;
        }
        for (int from = 0; from < users.size(); from += 100) {
            List<Recipient> chunk = users.subList(from, Math.min(users.size(), from + 100));
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Recipient user : chunk) {
                sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("(SELECT tenant_id, user_id, seq FROM outbox")
                        .append(" WHERE tenant_id = ? AND user_id = ? AND parked_ns IS NULL ORDER BY seq FETCH FIRST 1 ROWS ONLY)");
                params.add(user.tenant());
                params.add(user.user());
            }
            JdbcRows.list(c, sql.toString(), params, rs -> oldest.put(new Recipient(rs.getString("tenant_id"),
                    rs.getString("user_id")), rs.getLong("seq")));
        }
        return oldest;
    }

    /** A PostgreSQL {@code varchar[]} of one part of each item. */
    private static <T> Array varchars(Connection c, List<T> items, Function<T, String> part)
            throws SQLException {
        return c.createArrayOf("varchar", items.stream().map(part).toArray(String[]::new));
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getString("id"), new Recipient(rs.getString("tenant_id"), rs.getString("user_id")),
                rs.getLong("seq"), rs.getLong("available_ns"));
    }

    /** A user of a tenant: the unit of ordering. */
    private record Recipient(String tenant, String user) {
        static Recipient of(OutboxMessage m) {
            return new Recipient(m.tenantId().value(), m.subject().key());
        }
    }

    /**
     * Up to {@code room} of each head's user's next unparked rows, unlocked: on PostgreSQL in one
     * statement with one plan (see {@link #oldestUnparked}), on H2 a hundred users per round trip.
     */
    private List<Row> nextRows(Connection c, List<Row> heads, int room) throws SQLException {
        if (vendor == JdbcVendor.POSTGRESQL) {
            List<Recipient> users = heads.stream().map(h -> Recipient.of(h.message())).toList();
            return JdbcRows.list(c, "SELECT o.* FROM unnest(?, ?, ?) AS u(tenant_id, user_id, after_seq)"
                    + " CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM outbox WHERE tenant_id = u.tenant_id"
                    + " AND user_id = u.user_id AND seq > u.after_seq AND parked_ns IS NULL ORDER BY seq"
                    + " FETCH FIRST ? ROWS ONLY) o",
                    List.of(varchars(c, users, Recipient::tenant), varchars(c, users, Recipient::user),
                            c.createArrayOf("bigint", heads.stream().map(Row::seq).toArray(Long[]::new)), room),
                    JdbcOutbox::row);
        }
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < heads.size(); from += 100) {
            List<Row> chunk = heads.subList(from, Math.min(heads.size(), from + 100));
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Row head : chunk) {
                sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("(SELECT ").append(COLUMNS)
                        .append(" FROM outbox WHERE tenant_id = ? AND user_id = ? AND seq > ? AND parked_ns IS NULL")
                        .append(" ORDER BY seq FETCH FIRST ? ROWS ONLY)");
                params.add(head.message().tenantId().value());
                params.add(head.message().subject().key());
                params.add(head.seq());
                params.add(room);
            }
            rows.addAll(JdbcRows.list(c, sql.toString(), params, JdbcOutbox::row));
        }
        return rows;
    }

    /**
     * The rest of each head's run, locked: up to {@code room} of the user's next unparked rows
     * (read by {@link #nextRows}, served by {@code outbox_user}), as long as each is
     * available and not held by another claimer. The heads are locked by this claim, so no other
     * claim is taking these rows as a run of its own.
     */
    private Map<Recipient, List<Row>> lockRests(Connection c, List<Row> heads, long at, int room)
            throws SQLException {
        Map<Recipient, List<Row>> next = new HashMap<>();
        for (Row row : nextRows(c, heads, room)) {
            next.computeIfAbsent(Recipient.of(row.message()), r -> new ArrayList<>()).add(row);
        }
        List<String> ids = new ArrayList<>();
        next.values().forEach(rows -> rows.forEach(row -> ids.add(row.message().id())));
        Set<String> locked = new HashSet<>();
        for (List<String> chunk : JdbcGroups.chunks(ids)) {
            List<Object> params = new ArrayList<>(chunk);
            params.add(at);
            locked.addAll(JdbcRows.list(c, "SELECT id FROM outbox WHERE id IN (" + JdbcGroups.marks(chunk.size())
                    + ") AND available_ns <= ? AND parked_ns IS NULL" + vendor.forUpdateSkipLocked(), params,
                    rs -> rs.getString(1)));
        }
        Map<Recipient, List<Row>> runs = new HashMap<>();
        for (Map.Entry<Recipient, List<Row>> entry : next.entrySet()) {
            List<Row> rows = new ArrayList<>(entry.getValue());
            rows.sort(Comparator.comparingLong(Row::seq));
            List<Row> run = new ArrayList<>();
            for (Row row : rows) {
                if (!locked.contains(row.message().id())) {
                    break; // leased, waiting for its retry or held elsewhere: the run ends before it
                }
                run.add(row);
            }
            runs.put(entry.getKey(), run);
        }
        return runs;
    }

    @Override
    public void release(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE outbox SET available_ns = ? WHERE id = ? AND parked_ns IS NULL")) {
                for (String id : messageIds) {
                    s.setLong(1, Long.MIN_VALUE);
                    s.setString(2, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean markDelivered(String messageId) {
        return tx.call(c -> JdbcRows.update(c, "DELETE FROM outbox WHERE id = ?", messageId) > 0);
    }

    @Override
    public boolean markFailed(String messageId, Instant retryAt) {
        return tx.call(c -> JdbcRows.update(c, "UPDATE outbox SET available_ns = ?, attempts = attempts + 1"
                + " WHERE id = ? AND parked_ns IS NULL", JdbcTime.nanos(retryAt), messageId) > 0);
    }

    @Override
    public boolean markParked(String messageId, Instant at) {
        return tx.call(c -> JdbcRows.update(c, "UPDATE outbox SET available_ns = ?, attempts = attempts + 1,"
                + " parked_ns = ? WHERE id = ? AND parked_ns IS NULL", Long.MAX_VALUE, JdbcTime.nanos(at),
                messageId) > 0);
    }

    @Override
    public boolean requeue(String messageId) {
        return tx.call(c -> JdbcRows.update(c, "UPDATE outbox SET parked_ns = NULL, available_ns = ?"
                + " WHERE id = ? AND parked_ns IS NOT NULL", Long.MIN_VALUE, messageId) > 0);
    }

    @Override
    public List<OutboxMessage> list(Optional<TenantId> tenant, Set<OutboxMessage.State> states, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (states.isEmpty() || max == 0) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        for (OutboxMessage.State state : states) {
            conditions.add(switch (state) {
                case PENDING -> "(parked_ns IS NULL AND attempts = 0)";
                case RETRYING -> "(parked_ns IS NULL AND attempts > 0)";
                case PARKED -> "parked_ns IS NOT NULL";
            });
        }
        List<Object> params = new ArrayList<>();
        tenant.ifPresent(t -> params.add(t.value()));
        params.add(max);
        return tx.call(c -> JdbcRows.list(c, "SELECT " + COLUMNS + " FROM outbox WHERE "
                + (tenant.isPresent() ? "tenant_id = ? AND " : "") + "(" + String.join(" OR ", conditions) + ")"
                + " ORDER BY seq FETCH FIRST ? ROWS ONLY", params, JdbcOutbox::message));
    }

    @Override
    public OutboxDepth depth(Optional<TenantId> tenant) {
        List<Object> params = tenant.<List<Object>>map(t -> List.of(t.value())).orElse(List.of());
        return tx.call(c -> JdbcRows.list(c, "SELECT"
                + " COALESCE(SUM(CASE WHEN parked_ns IS NULL AND attempts = 0 THEN 1 ELSE 0 END), 0) AS pending,"
                + " COALESCE(SUM(CASE WHEN parked_ns IS NULL AND attempts > 0 THEN 1 ELSE 0 END), 0) AS retrying,"
                + " COALESCE(SUM(CASE WHEN parked_ns IS NOT NULL THEN 1 ELSE 0 END), 0) AS parked,"
                + " MIN(CASE WHEN parked_ns IS NULL THEN created_ns END) AS oldest_ns"
                + " FROM outbox" + (tenant.isPresent() ? " WHERE tenant_id = ?" : ""), params,
                rs -> new OutboxDepth(rs.getLong("pending"), rs.getLong("retrying"), rs.getLong("parked"),
                        JdbcRows.instant(rs, "oldest_ns"))).get(0));
    }

    @Override
    public List<OutboxMessage> messagesOf(TenantId tenant, UserId user) {
        return tx.call(c -> JdbcRows.list(c, "SELECT " + COLUMNS + " FROM outbox WHERE tenant_id = ? AND user_id = ?"
                + " ORDER BY seq", JdbcOutbox::message, tenant.value(), user.value()));
    }

    @Override
    public int remove(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        return tx.call(c -> {
            int removed = 0;
            for (List<String> chunk : JdbcGroups.chunks(List.copyOf(messageIds))) {
                removed += JdbcRows.update(c, "DELETE FROM outbox WHERE id IN (" + JdbcGroups.marks(chunk.size()) + ")",
                        chunk.toArray());
            }
            return removed;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(message(rs), rs.getLong("seq"));
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getString("id"), TenantId.of(row.getString("tenant_id")),
                OutboxMessage.Subject.parse(row.getString("user_id")), OutboxMessage.Kind.valueOf(row.getString("kind")),
                JdbcTime.instant(row.getLong("created_ns")), JdbcDocuments.map(row.getString("payload")),
                row.getInt("attempts"), JdbcRows.instant(row, "parked_ns"));
    }
}
