package org.provisio.domain.usecase;

import java.util.List;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.TenantId;

/** Lists a tenant's credentials: metadata only, never secrets. */
public interface ListCredentials {
    /** In creation order, revoked ones included. */
    List<CredentialInfo> list(TenantId tenantId);
}
