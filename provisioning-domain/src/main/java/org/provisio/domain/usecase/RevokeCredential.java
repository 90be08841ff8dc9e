package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;

/** Revokes a credential: it no longer authenticates. Revoking twice is harmless. */
public interface RevokeCredential {
    /** False if the tenant has no such credential. */
    boolean revoke(Command command);

    /** Which credential of which tenant, and who asks. */
    record Command(TenantId tenantId, TokenId tokenId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
