package org.provisio.domain.usecase;

import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;

/** A tenant's audit log, newest first. */
public interface ReadAuditLog {
    Page<AuditEntry> read(TenantId tenantId, PageRequest page);
}
