package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code POST /invitations/{token}/accept}: the pending user becomes active and the invitation
 * is consumed. Refusals are outcomes, told apart so that the page can say why.
 */
public interface AcceptInvitation {
    Outcome accept(String token);

    /** How an acceptance ended. */
    sealed interface Outcome {
    }

    /** Accepted: the user is active. */
    record Accepted(UserView user) implements Outcome {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }
    }

    /** No such invitation (or its user is gone). */
    record Unknown() implements Outcome {
    }

    /** The invitation was accepted before. */
    record AlreadyUsed() implements Outcome {
    }

    /** The invitation's time to live elapsed. */
    record Expired(Instant expiredAt) implements Outcome {
        public Expired {
            Objects.requireNonNull(expiredAt, "expiredAt");
        }
    }

    /** The invitation was revoked: the user was suspended, or a fresh invitation replaced it. */
    record Revoked() implements Outcome {
    }
}
