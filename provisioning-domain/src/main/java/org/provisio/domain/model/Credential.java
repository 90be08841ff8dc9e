package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer credential of a tenant as stored: the hash of its secret token, never the token itself.
 * Its {@link Kind} says what it opens: a tenant's SCIM endpoint (the identity provider's secret
 * token) or the tenant's part of the admin API and console (an organization admin key). A revoked
 * credential stays listed but no longer authenticates.
 */
public record Credential(TokenId id, TenantId tenantId, SecretHash secretHash, Instant createdAt,
                         Optional<Instant> lastUsedAt, Optional<Instant> revokedAt, Kind kind) {
    /** What a credential opens. */
    public enum Kind {
        /** {@code /scim/v2/{tenantId}}: the identity provider's secret token. */
        SCIM,
        /** The tenant's part of {@code /admin/v1} and the console: an organization admin key. */
        ORGANIZATION_ADMIN
    }

    public Credential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** A new, never used SCIM credential. */
    public static Credential issued(TokenId id, TenantId tenantId, SecretHash secretHash, Instant at) {
        return issued(id, tenantId, secretHash, at, Kind.SCIM);
    }

    /** A new, never used credential of {@code kind}. */
    public static Credential issued(TokenId id, TenantId tenantId, SecretHash secretHash, Instant at, Kind kind) {
        return new Credential(id, tenantId, secretHash, at, Optional.empty(), Optional.empty(), kind);
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** This credential, revoked at {@code at} (an already revoked one keeps its first revocation time). */
    public Credential revoke(Instant at) {
        return isRevoked() ? this : new Credential(id, tenantId, secretHash, createdAt, lastUsedAt, Optional.of(at), kind);
    }

    /** This credential, last used at {@code at}. */
    public Credential usedAt(Instant at) {
        return new Credential(id, tenantId, secretHash, createdAt, Optional.of(at), revokedAt, kind);
    }

    /** What may be shown to an admin: everything but the hash. */
    public CredentialInfo info() {
        return new CredentialInfo(id, tenantId, createdAt, lastUsedAt, revokedAt, kind);
    }
}
