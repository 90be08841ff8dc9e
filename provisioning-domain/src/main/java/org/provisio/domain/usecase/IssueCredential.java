package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.TenantId;

/**
 * Issues a SCIM bearer credential for a tenant. The secret token is in the result and nowhere
 * else; only its SHA-256 hash is stored.
 */
public interface IssueCredential {
    /** The new credential; {@link Refusal.NotFound} if there is no such tenant. */
    Outcome<IssuedCredential> issue(Command command);

    /** For which tenant, and who asks. */
    record Command(TenantId tenantId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
