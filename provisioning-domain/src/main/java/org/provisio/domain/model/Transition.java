package org.provisio.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A legal change of a user's lifecycle state and everything it implies: the state after it and the
 * {@link Effect}s, in the order they are recorded. Transitions are made only by the states that
 * allow them ({@code Pending.accept}, {@code Active.suspend}, {@code Suspended.FromActive.restore},
 * ...), so an illegal one does not compile.
 *
 * @param <S> the state after the transition
 */
public record Transition<S extends UserState>(S after, List<Effect> effects) {
    public Transition {
        Objects.requireNonNull(after, "after");
        effects = List.copyOf(effects);
    }

    /** A transition with these effects. */
    public static <S extends UserState> Transition<S> to(S after, Effect... effects) {
        return new Transition<>(after, List.of(effects));
    }

    /** This transition with {@code more} effects recorded after its own. */
    public Transition<S> then(List<Effect> more) {
        List<Effect> all = new ArrayList<>(effects);
        all.addAll(more);
        return new Transition<>(after, all);
    }

    /**
     * A user provisioned now: {@code active} (or absent) makes it Pending with a first invitation,
     * {@code false} Suspended without ever being invited, its retention clock running.
     */
    public static Transition<UserState> provisioned(boolean active, java.time.Instant at, Retention retention,
                                                    InvitationId invitation) {
        if (active) {
            return to(new Pending(invitation),
                    new Effect.Audited(AuditAction.USER_PROVISIONED, UserStatus.PENDING.keyword()),
                    new Effect.Announced(LifecycleEvent.Type.PROVISIONED,
                            java.util.Map.of("status", UserStatus.PENDING.keyword())),
                    new Effect.InvitationIssued(invitation));
        }
        return to(Suspended.NeverInvited.provisionedAt(at, retention),
                new Effect.Audited(AuditAction.USER_PROVISIONED, UserStatus.SUSPENDED.keyword()),
                new Effect.Announced(LifecycleEvent.Type.PROVISIONED,
                        java.util.Map.of("status", UserStatus.SUSPENDED.keyword())));
    }
}
