package org.provisio.domain.usecase;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;

/** Lists and finds tenants. */
public interface ListTenants {
    /** All tenants in creation order. */
    List<Tenant> list();

    Optional<Tenant> find(TenantId id);
}
