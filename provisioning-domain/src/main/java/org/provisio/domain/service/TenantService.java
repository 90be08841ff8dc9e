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
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.ReadAuditLog;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UpdateTenant;
import org.provisio.scim.error.ScimException;

/** Tenants and their audit log. */
final class TenantService implements CreateTenant, ListTenants, ReadAuditLog, UpdateTenant {
    private final Context ctx;
    private final EffectRecorder recorder;

    TenantService(Context ctx, EffectRecorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
    }

    @Override
    public Tenant create(CreateTenant.Command command) {
        String name = command.name().strip();
        if (name.isEmpty()) {
            throw ScimException.invalidValue("\"name\" is required and must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw ScimException.invalidValue("\"name\" must be at most " + MAX_NAME + " characters");
        }
        return ctx.store.unitOfWork().inTransaction(() -> {
            Tenant tenant = new Tenant(TenantId.of(ctx.ids.next()), name, ctx.now());
            ctx.store.tenants().add(tenant);
            recorder.audit(tenant.id(), command.actor(), AuditAction.TENANT_CREATED, "tenant:" + tenant.id(),
                    tenant.createdAt(), tenant.name());
            return tenant;
        });
    }

    @Override
    public Outcome<Tenant> update(UpdateTenant.Command command) {
        Outcome<Tenant> outcome = ctx.write(() -> {
            Optional<Tenant> found = ctx.store.tenants().find(command.tenantId());
            if (found.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tenant", command.tenantId().value()));
            }
            Tenant updated = found.get().withProfile(command.profile());
            if (!updated.equals(found.get())) {
                ctx.store.tenants().update(updated);
                recorder.audit(updated.id(), command.actor(), AuditAction.TENANT_UPDATED, "tenant:" + updated.id(),
                        ctx.now(), "profile " + command.profile().keyword());
            }
            return Outcome.done(updated);
        });
        ctx.forgetTenant(command.tenantId());
        return outcome;
    }

    @Override
    public List<Tenant> list() {
        return ctx.read(() -> ctx.store.tenants().list());
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return ctx.tenant(id);
    }

    @Override
    public Page<AuditEntry> read(TenantId tenantId, PageRequest page) {
        return ctx.read(() -> ctx.store.auditLog().read(tenantId, page));
    }

    @Override
    public Page<AuditEntry> read(TenantId tenantId, Optional<String> target, PageRequest page) {
        return target.isEmpty() ? read(tenantId, page)
                : ctx.read(() -> ctx.store.auditLog().read(tenantId, target.get(), page));
    }
}
