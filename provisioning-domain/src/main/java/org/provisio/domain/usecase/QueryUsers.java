package org.provisio.domain.usecase;

import org.provisio.domain.model.Page;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserQuery;

/**
 * {@code GET /Users?filter=...}: filter, sort and page a tenant's users. An Entra ID
 * "Test connection" ({@code userName eq "<random guid>"}) gets an empty page.
 */
public interface QueryUsers {
    Page<UserView> query(TenantId tenantId, UserQuery query);
}
