package org.provisio.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Outbox;

/**
 * The outbox table. A claim takes only rows that are their user's head — no older unparked row
 * of the same tenant and user is left ({@link #HEAD}) — and locks the available rows it picks
 * ({@code FOR UPDATE SKIP LOCKED}), so that dispatchers of several instances on one database pass
 * over each other's rows; it moves their {@code available_ns} to the end of the lease before it
 * commits.
 *
 * <p>Why this keeps a user's order across instances: being the head is monotonic — the rows
 * before a head only ever leave (delivered) or park, never come back — so a row that one
 * dispatcher sees as its user's head cannot have an older row in delivery elsewhere. While a
 * user's head is leased, failed or being delivered it stays in the table and no younger row of
 * that user qualifies, whatever snapshot another instance reads.
 */
final class JdbcOutbox implements Outbox {
    private static final String COLUMNS = "id, tenant_id, user_id, kind, created_ns, payload, attempts, parked_ns";
    private static final String O_COLUMNS = "o.id, o.tenant_id, o.user_id, o.kind, o.created_ns, o.payload, o.attempts,"
            + " o.parked_ns";
    /** No older unparked message of the same user: {@code o} is its user's head. */
    private static final String HEAD = " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.tenant_id = o.tenant_id"
            + " AND p.user_id = o.user_id AND p.seq < o.seq AND p.parked_ns IS NULL)";

    private final JdbcTransactions tx;
    private final JdbcVendor vendor;

    JdbcOutbox(JdbcTransactions tx, JdbcVendor vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public void append(OutboxMessage message) {
        tx.call(c -> {
            if (JdbcTransactions.violatesUnique(c, k -> JdbcRows.update(k,
                    "INSERT INTO outbox (id, tenant_id, user_id, kind, created_ns, payload, available_ns, attempts,"
                            + " parked_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    message.id(), message.tenantId().value(), message.userId().value(), message.kind().name(),
                    JdbcTime.nanos(message.createdAt()), JdbcDocuments.map(message.payload()),
                    message.parkedAt().isPresent() ? Long.MAX_VALUE : Long.MIN_VALUE, message.attempts(),
                    message.parkedAt().map(JdbcTime::nanos).orElse(null)))) {
                throw new IllegalArgumentException("message " + message.id() + " exists");
            }
            return null;
        });
    }

    @Override
    public List<OutboxMessage> claim(int max, Instant now, Duration lease) {
        if (max < 0 || lease.isNegative()) {
            throw new IllegalArgumentException("max and lease must not be negative");
        }
        if (max == 0) {
            return List.of();
        }
        return tx.call(c -> {
            String available = " FROM outbox o WHERE o.available_ns <= ? AND o.parked_ns IS NULL";
            long at = JdbcTime.nanos(now);
            List<OutboxMessage> claimed;
            if (vendor.locksByKey()) {
                claimed = new ArrayList<>();
                for (String id : JdbcRows.list(c, "SELECT o.id" + available + HEAD + " ORDER BY o.seq"
                        + " FETCH FIRST ? ROWS ONLY", rs -> rs.getString(1), at, max)) {
                    JdbcRows.one(c, "SELECT " + COLUMNS + " FROM outbox WHERE available_ns <= ? AND parked_ns IS NULL"
                            + " AND id = ?" + vendor.forUpdateSkipLocked(), JdbcOutbox::message, at, id)
                            .ifPresent(claimed::add);
                }
            } else {
                claimed = JdbcRows.list(c, "SELECT " + O_COLUMNS + available + HEAD
                        + " ORDER BY o.seq FETCH FIRST ? ROWS ONLY" + vendor.forUpdateSkipLocked(),
                        JdbcOutbox::message, at, max);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET available_ns = ? WHERE id = ?")) {
                for (OutboxMessage m : claimed) {
                    s.setLong(1, JdbcTime.nanos(now.plus(lease)));
                    s.setString(2, m.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return claimed;
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

    private static OutboxMessage message(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getString("id"), TenantId.of(row.getString("tenant_id")),
                UserId.of(row.getString("user_id")), OutboxMessage.Kind.valueOf(row.getString("kind")),
                JdbcTime.instant(row.getLong("created_ns")), JdbcDocuments.map(row.getString("payload")),
                row.getInt("attempts"), JdbcRows.instant(row, "parked_ns"));
    }
}
