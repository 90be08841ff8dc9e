package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;

/**
 * {@code DELETE /Users/{id}} and the admin's "delete now": a hard delete, immediate and
 * irreversible. Memberships and invitations go; the audit entry stays. Refused with
 * {@link Refusal.NotFound} or, for a stale {@code If-Match}, {@link Refusal.VersionMismatch}.
 */
public interface DeleteUser {
    /** The id of the user removed. */
    Outcome<UserId> delete(Command command);

    /** Which user, who asks and the optional {@code If-Match} version. */
    record Command(TenantId tenantId, UserId userId, Actor actor, Optional<Version> ifMatch) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }
    }
}
