package org.provisio.domain.usecase;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;

/**
 * Organization admin keys: what lets an organization's own administrator into its part of the admin
 * API and the console — and into no other organization's. A key is shown once when issued
 * ({@code orgadmin_<keyId>.<secret>}), stored only as a hash, listed by its metadata and revoked
 * like a SCIM credential.
 */
public interface AdminKeys {
    /** A new key of the tenant; refused with {@link Refusal.NotFound} for an unknown tenant. */
    Outcome<IssuedCredential> issue(Command command);

    /**
     * The tenant's admin keys ({@code adminKeys} true) or SCIM credentials, revoked ones included, in
     * creation order: metadata only.
     */
    List<CredentialInfo> list(TenantId tenantId, boolean adminKeys);

    /** Revokes a key of the tenant; refused with {@link Refusal.NotFound} if it has no such key. */
    Outcome<CredentialInfo> revoke(Revoke command);

    /** The organization admin a key belongs to, when the key is an unrevoked admin key of {@code tenantId}. */
    Optional<Actor.OrganizationAdmin> authenticateFor(TenantId tenantId, String key);

    /**
     * The tenant and admin a key belongs to, whatever the tenant: for signing in to the console, where
     * the key itself says which organization it opens.
     */
    Optional<SignedIn> signIn(String key);

    /** Issue a key for which tenant, and who asks. */
    record Command(TenantId tenantId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Revoke which key of which tenant, and who asks. */
    record Revoke(TenantId tenantId, TokenId keyId, Actor actor) {
        public Revoke {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** An organization admin, signed in with a key of {@code tenantId}. */
    record SignedIn(TenantId tenantId, Actor.OrganizationAdmin admin) {
        public SignedIn {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(admin, "admin");
        }
    }
}
