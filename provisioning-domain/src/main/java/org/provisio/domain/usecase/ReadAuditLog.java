package org.provisio.domain.usecase;

import java.util.Optional;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;

/** A tenant's audit log, newest first: all of it, or the entries on one target ({@code user:<id>}). */
public interface ReadAuditLog {
    Page<AuditEntry> read(TenantId tenantId, PageRequest page);

    /** The entries on {@code target} ({@code user:<id>}, {@code group:<id>}, {@code credential:<id>}), newest first. */
    Page<AuditEntry> read(TenantId tenantId, Optional<String> target, PageRequest page);
}
