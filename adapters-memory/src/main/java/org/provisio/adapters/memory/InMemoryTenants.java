package org.provisio.adapters.memory;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Tenants;

/** The tenants, in creation order; a small table shared by all, behind its own monitor. */
final class InMemoryTenants implements Tenants {
    private final SeqMap<TenantId, Tenant> tenants;

    InMemoryTenants(Guard guard) {
        this.tenants = new SeqMap<>(guard);
    }

    @Override
    public synchronized void add(Tenant tenant) {
        if (tenants.contains(tenant.id())) {
            throw new IllegalArgumentException("tenant " + tenant.id() + " exists");
        }
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public synchronized boolean update(Tenant tenant) {
        if (!tenants.contains(tenant.id())) {
            return false;
        }
        tenants.put(tenant.id(), tenant);
        return true;
    }

    @Override
    public synchronized Optional<Tenant> find(TenantId id) {
        return tenants.get(id);
    }

    @Override
    public synchronized List<Tenant> list() {
        return tenants.valueList();
    }
}
