package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;

/**
 * Changes a tenant's conformance profile ({@code PATCH /admin/v1/tenants/{id} {"profile":"strict"}}),
 * audited. Refused with {@link Refusal.NotFound} for an unknown tenant. Other instances sharing the
 * database see the change within a few seconds (their tenant cache revalidates).
 */
public interface UpdateTenant {
    Outcome<Tenant> update(Command command);

    /** Which tenant, its new profile, and who asks. */
    record Command(TenantId tenantId, ConformanceProfile profile, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
