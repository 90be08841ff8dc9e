package org.provisio.domain.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Removal;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.Transition;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.port.JobObserver;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.InspectInvitation;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PurgeExpiredUsers;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.UserView;

/**
 * The lifecycle beyond SCIM: invitations (inspect, accept, resend), the admin's restore and the
 * retention purge. Each change locks the user before it touches the user's invitations, the one
 * lock order every use case keeps, so that an invitee accepting while the identity provider
 * suspends is decided by the store: one goes first, the other sees its result.
 */
final class LifecycleService implements InspectInvitation, AcceptInvitation, ResendInvitation, RestoreUser,
        PurgeExpiredUsers {
    private final Context ctx;
    private final UserRecords records;
    private final JobObserver observer;

    LifecycleService(Context ctx, UserRecords records, JobObserver observer) {
        this.ctx = ctx;
        this.records = records;
        this.observer = observer;
    }

    @Override
    public Outcome<Open> inspect(String token) {
        if (token == null || token.isEmpty()) {
            return closed(InvitationStanding.UNKNOWN);
        }
        return ctx.read(() -> {
            Optional<Invitation> invitation = ctx.store.invitations().findByTokenHash(SecretHash.of(token));
            Optional<User> owner = invitation.flatMap(i -> ctx.store.users().find(i.tenantId(), i.userId()));
            InvitationStanding standing = InvitationStanding.of(invitation, owner, ctx.now());
            if (standing != InvitationStanding.OPEN) {
                return closed(standing);
            }
            String organization = ctx.tenant(invitation.get().tenantId()).map(Tenant::name).orElse("");
            return Outcome.done(new Open(organization, owner.get().userName().value(), invitation.get().expiresAt()));
        });
    }

    @Override
    public Outcome<UserView> accept(String token) {
        if (token == null || token.isEmpty()) {
            return closed(InvitationStanding.UNKNOWN);
        }
        SecretHash hash = SecretHash.of(token);
        return ctx.write(() -> {
            Optional<Invitation> found = ctx.store.invitations().findByTokenHash(hash);
            if (found.isEmpty()) {
                return closed(InvitationStanding.UNKNOWN);
            }
            // the user first, then the invitation read again under that lock: a suspend or resend that
            // committed meanwhile has revoked it, and one that comes later waits for this acceptance
            Optional<User> owner = ctx.store.users().lock(found.get().tenantId(), found.get().userId());
            Optional<Invitation> invitation = ctx.store.invitations().find(found.get().id());
            Instant now = ctx.now();
            InvitationStanding standing = InvitationStanding.of(invitation, owner, now);
            if (standing != InvitationStanding.OPEN) {
                return closed(standing);
            }
            User user = owner.get();
            Transition<Active> accepted = ((Pending) user.state()).accept(now);
            User after = user.withState(accepted.after(), now);
            return records.write(user, after, new Actor.Invitee(user.id()), now, accepted.effects());
        });
    }

    @Override
    public Outcome<Resent> resend(ResendInvitation.Command command) {
        return ctx.write(() -> {
            Optional<User> found = ctx.store.users().lock(command.tenantId(), command.userId());
            if (found.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("user", command.userId().value()));
            }
            User user = found.get();
            if (!(user.state() instanceof Pending pending)) {
                return Outcome.refused(new Refusal.WrongStatus(user.status(), UserStatus.PENDING));
            }
            Instant now = ctx.now();
            Transition<Pending> reissued = pending.reissue(InvitationId.of(ctx.ids.next()));
            return records.write(user, user.withState(reissued.after(), now), command.actor(), now, reissued.effects())
                    .map(view -> new Resent(reissued.after().invitation(), ctx.invitationTtl.expiresAt(now)));
        });
    }

    @Override
    public Outcome<UserView> restore(RestoreUser.Command command) {
        return ctx.write(() -> {
            Optional<User> found = ctx.store.users().lock(command.tenantId(), command.userId());
            if (found.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("user", command.userId().value()));
            }
            User user = found.get();
            if (!(user.state() instanceof Suspended suspended)) {
                return Outcome.refused(new Refusal.WrongStatus(user.status(), UserStatus.SUSPENDED));
            }
            Instant now = ctx.now();
            if (!suspended.restorableAt(now)) {
                return Outcome.refused(new Refusal.RetentionElapsed(suspended.purgeAt()));
            }
            Transition<?> restored = suspended.restore(now, () -> InvitationId.of(ctx.ids.next()));
            return records.write(user, user.withState(restored.after(), now), command.actor(), now,
                    restored.effects());
        });
    }

    /**
     * Purges in batches, each one unit of work per tenant: the store locks the due users it hands out
     * and passes over those another purger holds, so purgers of several instances never purge one
     * user twice.
     */
    @Override
    public int purgeExpired() {
        Instant now = ctx.now();
        int purged = 0;
        while (true) {
            int[] seen = new int[1];
            int removed = ctx.store.unitOfWork().inTransaction(() -> {
                List<User> due = ctx.store.users().dueForPurge(now, ctx.purgeBatchSize);
                seen[0] = due.size();
                int n = 0;
                for (User user : due) {
                    if (records.remove(user, Actor.system(), Removal.PURGE, now)) {
                        n++;
                    }
                }
                return n;
            });
            purged += removed;
            if (seen[0] < ctx.purgeBatchSize) {
                observer.purgeRan(purged);
                return purged;
            }
        }
    }

    private static <T> Outcome<T> closed(InvitationStanding standing) {
        return Outcome.refused(new Refusal.InvitationClosed(standing));
    }
}
