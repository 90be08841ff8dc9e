package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.AuditLog;

/**
 * The audit log, one list per tenant in append order. Entries appended in a unit of work are
 * added when it commits, so that nothing rolled back is ever read.
 */
final class InMemoryAuditLog implements AuditLog {
    private final Guard guard;
    private final Map<TenantId, List<AuditEntry>> entries = new ConcurrentHashMap<>();
    private final Set<String> ids = new HashSet<>();

    InMemoryAuditLog(Guard guard) {
        this.guard = guard;
    }

    @Override
    public void appendAll(List<AuditEntry> batch) {
        List<AuditEntry> copy = List.copyOf(batch);
        guard.onCommit(() -> add(copy));
    }

    private synchronized void add(List<AuditEntry> batch) {
        for (AuditEntry entry : batch) {
            if (ids.contains(entry.id())) {
                throw new IllegalArgumentException("audit entry " + entry.id() + " exists");
            }
        }
        for (AuditEntry entry : batch) {
            ids.add(entry.id());
            entries.computeIfAbsent(entry.tenantId(), t -> new ArrayList<>()).add(entry);
        }
    }

    @Override
    public synchronized Page<AuditEntry> read(TenantId tenant, PageRequest page) {
        return newestFirst(entries.getOrDefault(tenant, List.of()), page);
    }

    @Override
    public synchronized Page<AuditEntry> read(TenantId tenant, String target, PageRequest page) {
        List<AuditEntry> mine = new ArrayList<>();
        for (AuditEntry e : entries.getOrDefault(tenant, List.of())) {
            if (e.target().equals(target)) {
                mine.add(e);
            }
        }
        return newestFirst(mine, page);
    }

    private static Page<AuditEntry> newestFirst(List<AuditEntry> mine, PageRequest page) {
        int total = mine.size();
        List<AuditEntry> items = new ArrayList<>();
        for (int i = page.offset(); i < page.offset() + page.count() && i < total; i++) {
            items.add(mine.get(total - 1 - i));
        }
        return new Page<>(items, page.startIndex(), total);
    }
}
