package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;

/**
 * Revokes a credential: it no longer authenticates, at once on this instance and within the
 * credential cache's revalidation period on every other one. Revoking twice is harmless. Refused
 * with {@link Refusal.NotFound} if the tenant has no such credential.
 */
public interface RevokeCredential {
    /** The credential, revoked. */
    Outcome<CredentialInfo> revoke(Command command);

    /** Which credential of which tenant, and who asks. */
    record Command(TenantId tenantId, TokenId tokenId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
