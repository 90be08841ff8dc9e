package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM bearer credential of a tenant as stored: the hash of its secret token, never the
 * token itself. A revoked credential stays listed but no longer authenticates.
 */
public record Credential(TokenId id, TenantId tenantId, SecretHash secretHash, Instant createdAt,
                         Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** A new, never used credential. */
    public static Credential issued(TokenId id, TenantId tenantId, SecretHash secretHash, Instant at) {
        return new Credential(id, tenantId, secretHash, at, Optional.empty(), Optional.empty());
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** This credential, revoked at {@code at} (an already revoked one keeps its first revocation time). */
    public Credential revoke(Instant at) {
        return isRevoked() ? this : new Credential(id, tenantId, secretHash, createdAt, lastUsedAt, Optional.of(at));
    }

    /** This credential, last used at {@code at}. */
    public Credential usedAt(Instant at) {
        return new Credential(id, tenantId, secretHash, createdAt, Optional.of(at), revokedAt);
    }

    /** What may be shown to an admin: everything but the hash. */
    public CredentialInfo info() {
        return new CredentialInfo(id, tenantId, createdAt, lastUsedAt, revokedAt);
    }
}
