package org.provisio.domain.usecase;

import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.TenantId;

/**
 * {@code GET /Groups?filter=displayName eq "Sales"&excludedAttributes=members}: filter, sort and
 * page a tenant's groups; members are read only for {@code withMembers}.
 */
public interface QueryGroups {
    Page<GroupView> query(TenantId tenantId, GroupQuery query, boolean withMembers);
}
