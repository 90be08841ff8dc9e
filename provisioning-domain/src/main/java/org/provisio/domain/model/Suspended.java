package org.provisio.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A soft-deleted user, kept with all of its data until {@link #purgeAt()}. Each variant remembers
 * what the user was suspended from, and so what a restore leads back to: an active user becomes
 * active again; a user who never accepted an invitation becomes pending with a fresh one.
 */
public sealed interface Suspended extends UserState {

    /** When the user was suspended. */
    Instant suspendedAt();

    /** When the retention period ends and the user is purged. */
    Instant purgeAt();

    @Override
    default UserStatus status() {
        return UserStatus.SUSPENDED;
    }

    /** Whether the user can still be restored at {@code now}: strictly before {@link #purgeAt()}. */
    default boolean restorableAt(Instant now) {
        return now.isBefore(purgeAt());
    }

    /**
     * Restores the user within retention: to Active, or to Pending with the invitation
     * {@code freshInvitation} supplies (asked only then), with all of its data. Callers decide
     * {@link #restorableAt} first: once the retention period has elapsed this is a programming
     * error ({@code IllegalStateException}), not an outcome.
     */
    Transition<? extends UserState> restore(Instant now, Supplier<InvitationId> freshInvitation);

    /** The effects of a restore to {@code to}. */
    private static Transition<Pending> toPending(Instant now, Supplier<InvitationId> freshInvitation) {
        InvitationId fresh = freshInvitation.get();
        return Transition.to(new Pending(fresh),
                new Effect.Audited(AuditAction.USER_RESTORED, "to pending"),
                new Effect.Announced(LifecycleEvent.Type.RESTORED, Map.of("status", UserStatus.PENDING.keyword())),
                new Effect.InvitationIssued(fresh));
    }

    private static void check(Instant suspendedAt, Instant purgeAt) {
        Objects.requireNonNull(suspendedAt, "suspendedAt");
        Objects.requireNonNull(purgeAt, "purgeAt");
        if (purgeAt.isBefore(suspendedAt)) {
            throw new IllegalArgumentException("purgeAt before suspendedAt");
        }
    }

    private static void requireRestorable(Suspended s, Instant now) {
        if (!s.restorableAt(now)) {
            throw new IllegalStateException("retention elapsed at " + s.purgeAt());
        }
    }

    /** Suspended while active. */
    record FromActive(Instant suspendedAt, Instant purgeAt) implements Suspended {
        public FromActive {
            check(suspendedAt, purgeAt);
        }

        /** Back to active; only within retention. */
        @Override
        public Transition<Active> restore(Instant now, Supplier<InvitationId> freshInvitation) {
            requireRestorable(this, now);
            return Transition.to(new Active(now),
                    new Effect.Audited(AuditAction.USER_RESTORED, "to active"),
                    new Effect.Announced(LifecycleEvent.Type.RESTORED, Map.of("status", UserStatus.ACTIVE.keyword())));
        }
    }

    /** Suspended while its invitation was pending; that invitation was revoked. */
    record FromPending(Instant suspendedAt, Instant purgeAt) implements Suspended {
        public FromPending {
            check(suspendedAt, purgeAt);
        }

        /** Back to pending with a fresh invitation; only within retention. */
        @Override
        public Transition<Pending> restore(Instant now, Supplier<InvitationId> freshInvitation) {
            requireRestorable(this, now);
            return toPending(now, freshInvitation);
        }
    }

    /** Provisioned with {@code active=false}: never invited. */
    record NeverInvited(Instant suspendedAt, Instant purgeAt) implements Suspended {
        public NeverInvited {
            check(suspendedAt, purgeAt);
        }

        /** Provisioned inactive now: the retention clock starts at once. */
        public static NeverInvited provisionedAt(Instant at, Retention retention) {
            return new NeverInvited(at, retention.purgeAt(at));
        }

        /** To pending with a first invitation; only within retention. */
        @Override
        public Transition<Pending> restore(Instant now, Supplier<InvitationId> freshInvitation) {
            requireRestorable(this, now);
            return toPending(now, freshInvitation);
        }
    }
}
