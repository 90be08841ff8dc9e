package org.provisio.adapters.memory;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Tenants;

final class InMemoryTenants implements Tenants {
    private final Guard guard;
    private final Table<TenantId, Tenant> tenants;

    InMemoryTenants(Guard guard) {
        this.guard = guard;
        this.tenants = new Table<>(guard);
    }

    @Override
    public void add(Tenant tenant) {
        guard.locked(() -> {
            if (tenants.contains(tenant.id())) {
                throw new IllegalArgumentException("tenant " + tenant.id() + " exists");
            }
            tenants.put(tenant.id(), tenant);
            return null;
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return guard.locked(() -> tenants.get(id));
    }

    @Override
    public List<Tenant> list() {
        return guard.locked(tenants::values);
    }
}
