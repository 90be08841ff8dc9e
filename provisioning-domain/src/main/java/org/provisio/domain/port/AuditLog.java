package org.provisio.domain.port;

import java.util.List;
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
}
