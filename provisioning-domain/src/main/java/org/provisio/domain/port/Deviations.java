package org.provisio.domain.port;

import java.util.Collection;
import java.util.List;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.TenantId;

/**
 * The tenants' client-deviation reports: one line per tenant, kind and outcome. The domain counts in memory and
 * writes what it counted every few seconds; several instances write to one store, so a write adds to what is
 * stored instead of replacing it.
 */
public interface Deviations {
    /**
     * Adds counts to the report: for a line already stored the counts are summed, the first time is the earlier
     * and the last time the later of the two, and the stored example is kept; a new line is stored as given.
     * Atomic per line with concurrent writers of other instances.
     */
    void record(Collection<Deviation> counts);

    /** A tenant's report, in no particular order. */
    List<Deviation> list(TenantId tenant);
}
