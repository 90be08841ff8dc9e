package org.provisio.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.AuditRewrite;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.AuditLog;

/**
 * The audit log in {@code audit_log}: the entries of one change inserted in one batch; the request
 * id of an entry in {@code request_id}, NULL for an entry no request made.
 */
final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "id, tenant_id, actor, action, target, at_ns, detail, request_id";
    private final JdbcTransactions tx;

    JdbcAuditLog(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (id, tenant_id, actor, action, target,"
                    + " at_ns, detail, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry entry : entries) {
                    JdbcRows.bind(s, Arrays.asList(entry.id(), entry.tenantId().value(), entry.actor().describe(),
                            entry.action().name(), entry.target(), JdbcTime.nanos(entry.at()), entry.detail(),
                            entry.requestId().map(RequestId::value).orElse(null)));
                    s.addBatch();
                }
                s.executeBatch();
            } catch (SQLException e) {
                if (JdbcTransactions.isUniqueViolation(e)) {
                    throw new IllegalArgumentException("an audit entry of " + entries.get(0).id() + "'s batch exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Page<AuditEntry> read(TenantId tenant, PageRequest page) {
        return tx.call(c -> JdbcPaging.page(c, COLUMNS,
                "FROM audit_log WHERE tenant_id = ?", List.of(tenant.value()), "seq DESC", page, JdbcAuditLog::entry));
    }

    @Override
    public Page<AuditEntry> read(TenantId tenant, String target, PageRequest page) {
        return tx.call(c -> JdbcPaging.page(c, COLUMNS,
                "FROM audit_log WHERE tenant_id = ? AND target = ?", List.of(tenant.value(), target), "seq DESC", page,
                JdbcAuditLog::entry));
    }

    /** One update of the entries on the target, served by the {@code audit_log_target} index. */
    @Override
    public void pseudonymise(TenantId tenant, AuditRewrite rewrite) {
        StringBuilder clear = new StringBuilder();
        List<Object> params = new ArrayList<>(List.of(rewrite.targetAs(), rewrite.actor(), rewrite.actorAs()));
        for (AuditAction action : rewrite.clearDetailOf()) {
            clear.append(clear.length() == 0 ? "" : ", ").append('?');
            params.add(action.name());
        }
        params.addAll(List.of(tenant.value(), rewrite.target()));
        String detail = clear.length() == 0 ? "detail" : "CASE WHEN action IN (" + clear + ") THEN '' ELSE detail END";
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE audit_log SET target = ?,"
                    + " actor = CASE WHEN actor = ? THEN ? ELSE actor END, detail = " + detail
                    + " WHERE tenant_id = ? AND target = ?")) {
                JdbcRows.bind(s, params);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Oldest first by the {@code audit_log_at} index. Two purgers that pick the same rows do not
     * remove them twice: the second waits for the first's row locks and then finds them gone.
     */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        return tx.call(c -> JdbcRows.update(c, "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log"
                + " WHERE at_ns < ? ORDER BY at_ns FETCH FIRST " + limit + " ROWS ONLY)", JdbcTime.nanos(cutoff)));
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString("id"), TenantId.of(row.getString("tenant_id")),
                Actor.parse(row.getString("actor")), AuditAction.valueOf(row.getString("action")),
                row.getString("target"), JdbcTime.instant(row.getLong("at_ns")), row.getString("detail"),
                RequestId.parse(row.getString("request_id")));
    }
}
