package org.provisio.domain.model;

import java.util.Objects;

/**
 * A credential just issued, with its secret token ({@code scim_<tokenId>.<secret>}). This is
 * the only time the secret exists outside the client: it is not stored and cannot be shown again.
 */
public record IssuedCredential(TokenId tokenId, TenantId tenantId, String secretToken) {
    public IssuedCredential {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(secretToken, "secretToken");
    }

    @Override
    public String toString() {
        return "IssuedCredential[tokenId=" + tokenId + ", tenantId=" + tenantId + ", secretToken=...]";
    }
}
