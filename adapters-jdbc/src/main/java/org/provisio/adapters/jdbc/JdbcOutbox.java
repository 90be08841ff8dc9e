package org.provisio.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Outbox;

/**
 * The outbox table. A claim locks the available rows it picks ({@code FOR UPDATE SKIP LOCKED}),
 * so that dispatchers of several instances on one database pass over each other's rows, and
 * moves their {@code available_ns} to the end of the lease before it commits.
 */
final class JdbcOutbox implements Outbox {
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
                    "INSERT INTO outbox (id, tenant_id, user_id, kind, created_ns, payload, available_ns)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    message.id(), message.tenantId().value(), message.userId().value(), message.kind().name(),
                    JdbcTime.nanos(message.createdAt()), JdbcDocuments.map(message.payload()), Long.MIN_VALUE))) {
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
            String columns = "SELECT id, tenant_id, user_id, kind, created_ns, payload FROM outbox WHERE available_ns <= ?";
            long at = JdbcTime.nanos(now);
            List<OutboxMessage> claimed;
            if (vendor.locksByKey()) {
                claimed = new ArrayList<>();
                for (String id : JdbcRows.list(c, "SELECT id FROM outbox WHERE available_ns <= ? ORDER BY seq"
                        + " FETCH FIRST ? ROWS ONLY", rs -> rs.getString(1), at, max)) {
                    JdbcRows.one(c, columns + " AND id = ?" + vendor.forUpdateSkipLocked(), JdbcOutbox::message, at, id)
                            .ifPresent(claimed::add);
                }
            } else {
                claimed = JdbcRows.list(c, columns + " ORDER BY seq FETCH FIRST ? ROWS ONLY" + vendor.forUpdateSkipLocked(),
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
        return tx.call(c -> JdbcRows.update(c, "UPDATE outbox SET available_ns = ? WHERE id = ?",
                JdbcTime.nanos(retryAt), messageId) > 0);
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getString("id"), TenantId.of(row.getString("tenant_id")),
                UserId.of(row.getString("user_id")), OutboxMessage.Kind.valueOf(row.getString("kind")),
                JdbcTime.instant(row.getLong("created_ns")), JdbcDocuments.map(row.getString("payload")));
    }
}
