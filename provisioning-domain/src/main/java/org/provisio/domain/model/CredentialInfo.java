package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The metadata of a credential, as listed to an admin: never its secret, nor its hash. */
public record CredentialInfo(TokenId tokenId, TenantId tenantId, Instant createdAt,
                             Optional<Instant> lastUsedAt, Optional<Instant> revokedAt, Credential.Kind kind) {
    public CredentialInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
