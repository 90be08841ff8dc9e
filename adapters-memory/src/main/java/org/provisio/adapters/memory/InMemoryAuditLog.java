package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.AuditRewrite;
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

    /**
     * Held back until the unit of work commits, like appends, and run after the appends before it:
     * the entries of the removal being recorded are rewritten too.
     */
    @Override
    public void pseudonymise(TenantId tenant, AuditRewrite rewrite) {
        guard.onCommit(() -> rewrite(tenant, rewrite));
    }

    private synchronized void rewrite(TenantId tenant, AuditRewrite rewrite) {
        List<AuditEntry> mine = entries.getOrDefault(tenant, List.of());
        for (int i = 0; i < mine.size(); i++) {
            AuditEntry e = mine.get(i);
            if (e.target().equals(rewrite.target())) {
                mine.set(i, new AuditEntry(e.id(), e.tenantId(),
                        e.actor().describe().equals(rewrite.actor()) ? Actor.parse(rewrite.actorAs()) : e.actor(),
                        e.action(), rewrite.targetAs(), e.at(),
                        rewrite.clearDetailOf().contains(e.action()) ? "" : e.detail(), e.requestId()));
            }
        }
    }

    /** At once, and put back if the unit of work rolls back. */
    @Override
    public int purgeBefore(Instant cutoff, int limit) {
        Map<TenantId, List<AuditEntry>> removed = removeBefore(cutoff, limit);
        guard.onRollback(() -> putBack(removed));
        return removed.values().stream().mapToInt(List::size).sum();
    }

    private synchronized Map<TenantId, List<AuditEntry>> removeBefore(Instant cutoff, int limit) {
        Map<TenantId, List<AuditEntry>> removed = new HashMap<>();
        int total = 0;
        for (Map.Entry<TenantId, List<AuditEntry>> tenant : entries.entrySet()) {
            List<AuditEntry> mine = tenant.getValue();
            int n = 0;
            // a tenant's entries are in append order: its oldest come first
            while (n < mine.size() && total + n < limit && mine.get(n).at().isBefore(cutoff)) {
                ids.remove(mine.get(n).id());
                n++;
            }
            if (n > 0) {
                removed.put(tenant.getKey(), new ArrayList<>(mine.subList(0, n)));
                mine.subList(0, n).clear();
                total += n;
            }
        }
        return removed;
    }

    private synchronized void putBack(Map<TenantId, List<AuditEntry>> removed) {
        removed.forEach((tenant, list) -> {
            entries.computeIfAbsent(tenant, t -> new ArrayList<>()).addAll(0, list);
            list.forEach(e -> ids.add(e.id()));
        });
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
