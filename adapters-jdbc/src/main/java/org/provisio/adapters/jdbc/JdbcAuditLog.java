package org.provisio.adapters.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.AuditLog;

final class JdbcAuditLog implements AuditLog {
    private final JdbcTransactions tx;

    JdbcAuditLog(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        tx.call(c -> {
            if (JdbcTransactions.violatesUnique(c, k -> JdbcRows.update(k,
                    "INSERT INTO audit_log (id, tenant_id, actor, action, target, at_ns, detail)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entry.id(), entry.tenantId().value(), entry.actor().describe(), entry.action().name(),
                    entry.target(), JdbcTime.nanos(entry.at()), entry.detail()))) {
                throw new IllegalArgumentException("audit entry " + entry.id() + " exists");
            }
            return null;
        });
    }

    @Override
    public Page<AuditEntry> read(TenantId tenant, PageRequest page) {
        return tx.call(c -> {
            long total = JdbcRows.count(c, "SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?",
                    List.of(tenant.value()));
            List<AuditEntry> items = page.count() == 0 ? List.of() : JdbcRows.list(c,
                    "SELECT id, tenant_id, actor, action, target, at_ns, detail FROM audit_log WHERE tenant_id = ?"
                            + " ORDER BY seq DESC" + JdbcRows.page(),
                    JdbcAuditLog::entry, tenant.value(), page.offset(), page.count());
            return new Page<>(items, page.startIndex(), total);
        });
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString("id"), TenantId.of(row.getString("tenant_id")),
                Actor.parse(row.getString("actor")), AuditAction.valueOf(row.getString("action")),
                row.getString("target"), JdbcTime.instant(row.getLong("at_ns")), row.getString("detail"));
    }
}
