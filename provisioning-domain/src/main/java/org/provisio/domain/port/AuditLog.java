package org.provisio.domain.port;

import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;

/** The append-only audit log. */
public interface AuditLog {
    void append(AuditEntry entry);

    /** A tenant's entries, newest (last appended) first. */
    Page<AuditEntry> read(TenantId tenant, PageRequest page);
}
