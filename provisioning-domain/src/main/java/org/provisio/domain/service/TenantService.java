package org.provisio.domain.service;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.ReadAuditLog;

/** Tenants and their audit log. */
final class TenantService implements CreateTenant, ListTenants, ReadAuditLog {
    private final Kernel k;

    TenantService(Kernel k) {
        this.k = k;
    }

    @Override
    public Tenant create(CreateTenant.Command command) {
        return k.tx(() -> {
            Tenant tenant = new Tenant(TenantId.of(k.ids.next()), command.name().strip(), k.now());
            k.store.tenants().add(tenant);
            k.store.auditLog().append(new AuditEntry(k.ids.next(), tenant.id(), command.actor(),
                    AuditAction.TENANT_CREATED, "tenant:" + tenant.id(), tenant.createdAt(), tenant.name()));
            return tenant;
        });
    }

    @Override
    public List<Tenant> list() {
        return k.store.tenants().list();
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return k.store.tenants().find(id);
    }

    @Override
    public Page<AuditEntry> read(TenantId tenantId, PageRequest page) {
        return k.store.auditLog().read(tenantId, page);
    }
}
