package org.provisio.domain.usecase;

import java.util.Optional;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;

/**
 * {@code GET /Groups/{id}}. With {@code withMembers} false ({@code excludedAttributes=members})
 * the members are not read at all, however many there are.
 */
public interface GetGroup {
    Optional<GroupView> get(TenantId tenantId, GroupId groupId, boolean withMembers);
}
