package org.provisio.domain.port;

import java.time.Instant;
import java.util.List;
import org.provisio.domain.model.AuditRewrite;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;

/** The append-only audit log. */
public interface AuditLog {
    /** Appends entries in their order, in one round trip where the store can. */
    void appendAll(List<AuditEntry> entries);

    default void append(AuditEntry entry) {
        appendAll(List.of(entry));
    }

    /** A tenant's entries, newest (last appended) first. */
    Page<AuditEntry> read(TenantId tenant, PageRequest page);

    /** A tenant's entries on one target ({@code user:<id>}), newest first. */
    Page<AuditEntry> read(TenantId tenant, String target, PageRequest page);

    /**
     * Rewrites a tenant's entries that name an erased person as {@code rewrite} says, in the unit
     * of work, entries appended earlier in it included.
     */
    void pseudonymise(TenantId tenant, AuditRewrite rewrite);

    /**
     * Removes up to {@code limit} entries, of any tenant, made before {@code cutoff}: the number
     * removed. Purgers of several instances may run at once; an entry is removed once.
     */
    int purgeBefore(Instant cutoff, int limit);
}
