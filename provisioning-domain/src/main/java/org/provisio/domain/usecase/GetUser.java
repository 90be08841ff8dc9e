package org.provisio.domain.usecase;

import java.util.Optional;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/** {@code GET /Users/{id}}: a suspended user is found (with {@code active:false}); a purged or deleted one is not. */
public interface GetUser {
    Optional<UserView> get(TenantId tenantId, UserId userId);
}
