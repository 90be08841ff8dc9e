package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * The admin's restore of a suspended user within retention: back to where it was suspended
 * from, with all of its data (a never-accepted user gets a fresh invitation). Refused with
 * {@link Refusal.NotFound}, {@link Refusal.WrongStatus} (not suspended) or
 * {@link Refusal.RetentionElapsed}.
 */
public interface RestoreUser {
    /** The user, restored. */
    Outcome<UserView> restore(Command command);

    /** Which user, and who asks. */
    record Command(TenantId tenantId, UserId userId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
