package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use invitation for a pending user to join, stored by the hash of its token. It is
 * open until accepted, revoked (the user was suspended, or a fresh one was sent) or expired.
 */
public record Invitation(InvitationId id, TenantId tenantId, UserId userId, SecretHash tokenHash,
                         Instant issuedAt, Instant expiresAt, Optional<Instant> acceptedAt,
                         Optional<Instant> revokedAt) {
    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** A new open invitation. */
    public static Invitation issue(InvitationId id, TenantId tenantId, UserId userId, SecretHash tokenHash,
                                   Instant at, InvitationTtl ttl) {
        return new Invitation(id, tenantId, userId, tokenHash, at, ttl.expiresAt(at), Optional.empty(),
                Optional.empty());
    }

    /** Expired at {@code now}: the TTL has fully elapsed. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Neither accepted nor revoked. */
    public boolean isOpen() {
        return acceptedAt.isEmpty() && revokedAt.isEmpty();
    }

    public Invitation accept(Instant at) {
        return new Invitation(id, tenantId, userId, tokenHash, issuedAt, expiresAt, Optional.of(at), revokedAt);
    }

    /** Revoked at {@code at}; a closed invitation is returned unchanged. */
    public Invitation revoke(Instant at) {
        return isOpen() ? new Invitation(id, tenantId, userId, tokenHash, issuedAt, expiresAt, acceptedAt,
                Optional.of(at)) : this;
    }
}
