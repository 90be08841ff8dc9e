package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.scim.patch.PatchRequest;

/**
 * {@code PATCH /Users/{id}} (RFC 7644 §3.5.2): the operations are applied to the user's current
 * SCIM view and the result replaces it, so {@code active} drives the lifecycle exactly as in a
 * PUT. Without {@code If-Match} a concurrent change is not lost: the patch is re-applied to
 * the newer version. Throws {@code ScimException} for PATCH errors, {@code notFound},
 * {@code uniqueness} and {@code preconditionFailed}.
 */
public interface PatchUser {
    UserView patch(Command command);

    /** Which user, the operations, who asks and the optional {@code If-Match} version. */
    record Command(TenantId tenantId, UserId userId, Actor actor, PatchRequest request, Optional<Version> ifMatch) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }
    }
}
