package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;

/**
 * The admin's restore of a suspended user within retention: back to where it was suspended
 * from, with all of its data (a never-accepted user gets a fresh invitation).
 */
public interface RestoreUser {
    Outcome restore(Command command);

    /** Which user, and who asks. */
    record Command(TenantId tenantId, UserId userId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** How a restore ended. */
    sealed interface Outcome {
    }

    /** Restored. */
    record Restored(UserView user) implements Outcome {
        public Restored {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The user is not suspended. */
    record NotSuspended(UserStatus status) implements Outcome {
        public NotSuspended {
            Objects.requireNonNull(status, "status");
        }
    }

    /** The retention period ended at {@code purgeAt}; the user awaits purge. */
    record RetentionElapsed(Instant purgeAt) implements Outcome {
        public RetentionElapsed {
            Objects.requireNonNull(purgeAt, "purgeAt");
        }
    }

    /** No such user. */
    record NotFound() implements Outcome {
    }
}
