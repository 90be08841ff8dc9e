package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.AuditLog;

final class InMemoryAuditLog implements AuditLog {
    private final Guard guard;
    private final Table<String, AuditEntry> entries;

    InMemoryAuditLog(Guard guard) {
        this.guard = guard;
        this.entries = new Table<>(guard);
    }

    @Override
    public void append(AuditEntry entry) {
        guard.locked(() -> {
            if (entries.contains(entry.id())) {
                throw new IllegalArgumentException("audit entry " + entry.id() + " exists");
            }
            entries.put(entry.id(), entry);
            return null;
        });
    }

    @Override
    public Page<AuditEntry> read(TenantId tenant, PageRequest page) {
        return guard.locked(() -> {
            List<AuditEntry> mine = new ArrayList<>(
                    entries.values().stream().filter(e -> e.tenantId().equals(tenant)).toList());
            Collections.reverse(mine);
            return Page.slice(mine, page);
        });
    }
}
