package org.provisio.domain.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.User;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.PurgeExpiredUsers;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/** Invitations, restore and retention. */
final class LifecycleService implements AcceptInvitation, ResendInvitation, RestoreUser, PurgeExpiredUsers {
    private final Kernel k;

    LifecycleService(Kernel k) {
        this.k = k;
    }

    @Override
    public AcceptInvitation.Outcome accept(String token) {
        if (token == null || token.isEmpty()) {
            return new Unknown();
        }
        return k.tx(() -> {
            Optional<Invitation> found = k.store.invitations().findByTokenHash(SecretHash.of(token));
            if (found.isEmpty()) {
                return new Unknown();
            }
            Invitation invitation = found.get();
            Instant now = k.now();
            if (invitation.acceptedAt().isPresent()) {
                return new AlreadyUsed();
            }
            if (invitation.revokedAt().isPresent()) {
                return new Revoked();
            }
            if (invitation.expiredAt(now)) {
                return new Expired(invitation.expiresAt());
            }
            Optional<User> owner = k.store.users().find(invitation.tenantId(), invitation.userId());
            if (owner.isEmpty()) {
                return new Unknown();
            }
            User user = owner.get();
            if (!(user.state() instanceof Pending p) || !p.invitation().equals(invitation.id())) {
                return new Revoked();
            }
            Active active = p.accept(now);
            User activated = user.withState(active, now);
            k.store(activated, user.version());
            k.store.invitations().update(invitation.accept(now));
            k.audit(activated, new Actor.Invitee(user.id()), AuditAction.USER_ACTIVATED, now, "invitation:" + invitation.id());
            k.emit(activated, OutboxMessage.Kind.ACTIVATED, now, Map.of());
            return new Accepted(k.view(activated));
        });
    }

    @Override
    public ResendInvitation.Outcome resend(ResendInvitation.Command command) {
        return k.tx(() -> {
            Optional<User> found = k.store.users().find(command.tenantId(), command.userId());
            if (found.isEmpty()) {
                return new ResendInvitation.NotFound();
            }
            User user = found.get();
            if (!(user.state() instanceof Pending p)) {
                return new NotPending(user.status());
            }
            Instant now = k.now();
            k.revokeInvitation(user, p, command.actor(), now);
            Pending fresh = new Pending(InvitationId.of(k.ids.next()));
            User updated = user.withState(fresh, now);
            k.store(updated, user.version());
            Invitation invitation = k.invite(updated, fresh.invitation(), command.actor(), now);
            return new Resent(invitation.id(), invitation.expiresAt());
        });
    }

    @Override
    public RestoreUser.Outcome restore(RestoreUser.Command command) {
        return k.tx(() -> {
            Optional<User> found = k.store.users().find(command.tenantId(), command.userId());
            if (found.isEmpty()) {
                return new RestoreUser.NotFound();
            }
            User user = found.get();
            if (!(user.state() instanceof Suspended s)) {
                return new NotSuspended(user.status());
            }
            Instant now = k.now();
            if (!s.restorableAt(now)) {
                return new RetentionElapsed(s.purgeAt());
            }
            return new Restored(k.view(k.restore(user, s, command.actor(), now, user.version())));
        });
    }

    @Override
    public int purgeExpired() {
        Instant now = k.now();
        int purged = 0;
        while (true) {
            int batch = k.tx(() -> {
                List<User> due = k.store.users().dueForPurge(now, k.purgeBatchSize);
                for (User user : due) {
                    try {
                        k.remove(user, Actor.system(), AuditAction.USER_PURGED, OutboxMessage.Kind.PURGED, now);
                    } catch (ScimException e) {
                        if (e.type() != ScimErrorType.NOT_FOUND) {
                            throw e;
                        }
                        // hard-deleted a moment ago: nothing left to purge, and nothing was written
                    }
                }
                return due.size();
            });
            purged += batch;
            if (batch < k.purgeBatchSize) {
                return purged;
            }
        }
    }
}
