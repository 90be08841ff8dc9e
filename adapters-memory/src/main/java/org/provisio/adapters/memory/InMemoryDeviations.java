package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Deviations;

/**
 * The client-deviation reports, one line per tenant, kind and outcome. Counts recorded in a unit of work are
 * added when it commits, so that a rolled-back write adds nothing.
 */
final class InMemoryDeviations implements Deviations {
    private record Line(TenantId tenant, String kind, Deviation.Outcome outcome) {
    }

    private final Guard guard;
    private final Map<Line, Deviation> lines = new HashMap<>();

    InMemoryDeviations(Guard guard) {
        this.guard = guard;
    }

    @Override
    public void record(Collection<Deviation> counts) {
        List<Deviation> copy = List.copyOf(counts);
        guard.onCommit(() -> add(copy));
    }

    private synchronized void add(List<Deviation> counts) {
        for (Deviation d : counts) {
            lines.merge(new Line(d.tenantId(), d.kind(), d.outcome()), d, Deviation::plus);
        }
    }

    @Override
    public synchronized List<Deviation> list(TenantId tenant) {
        List<Deviation> mine = new ArrayList<>();
        for (Deviation d : lines.values()) {
            if (d.tenantId().equals(tenant)) {
                mine.add(d);
            }
        }
        return mine;
    }
}
