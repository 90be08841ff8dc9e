package org.provisio.domain.port;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;

/** The tenants (organizations). */
public interface Tenants {
    void add(Tenant tenant);

    /** Replaces a stored tenant (its profile); false if there is none with its id. */
    boolean update(Tenant tenant);

    Optional<Tenant> find(TenantId id);

    /** All tenants in creation order. */
    List<Tenant> list();
}
