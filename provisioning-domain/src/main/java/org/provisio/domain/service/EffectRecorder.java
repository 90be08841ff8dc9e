package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Effect;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.usecase.RequestScope;

/**
 * The one place where what a change implies is written down: every {@link Effect} of a
 * transition becomes audit entries, outbox messages and invitation rows, in the unit of work of
 * the change, the audit entries and outbox messages of one change appended in one batch each.
 * Lifecycle events name the user ({@code userName}) except the removal events, which tell the
 * product to erase its own copy and so carry no personal data. Audit entries name the request that
 * made the change: a {@link Change} carries the id its caller ran under, captured on the caller's
 * thread, since the unit of work that records it may be another request's ({@link UserChanges}).
 */
final class EffectRecorder {
    private final Context ctx;

    EffectRecorder(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Records the effects of a change of {@code user} (as it is after the change), made on this
     * thread for the request in {@link RequestScope}, if any.
     */
    void record(User user, Actor actor, Instant at, List<Effect> effects) {
        recordAll(List.of(new Change(user, actor, at, effects, RequestScope.current())));
    }

    /**
     * One change of a user: the user after it, who made it, when, what it implies, and for which
     * request (captured where the change was asked for).
     */
    record Change(User user, Actor actor, Instant at, List<Effect> effects, Optional<RequestId> requestId) {
    }

    /** Records the effects of several changes in their order, the audit entries and messages of all in one batch each. */
    void recordAll(List<Change> changes) {
        Batch batch = new Batch();
        for (Change change : changes) {
            batch.change(change);
            for (Effect effect : change.effects()) {
                effect.accept(batch);
            }
        }
        batch.flush();
    }

    /**
     * The events of a change of a group, appended in one batch: {@code kind} with the group's name
     * (none for a pure membership change), then the membership delta, {@link GroupEvent#MAX_MEMBERS_PER_EVENT}
     * ids per event, additions first. Member ids are not personal data; names stay out.
     */
    void announceGroup(GroupHeader group, Instant at, Optional<OutboxMessage.Kind> kind, Collection<UserId> added,
                       Collection<UserId> removed) {
        List<OutboxMessage> messages = new ArrayList<>();
        kind.ifPresent(k -> {
            Map<String, String> payload = new LinkedHashMap<>();
            if (k != OutboxMessage.Kind.GROUP_DELETED) {
                payload.put("displayName", group.displayName());
            }
            messages.add(new OutboxMessage(ctx.ids.next(), group.tenantId(), group.id(), k, at, payload));
        });
        chunks(added, "added", group, at, messages);
        chunks(removed, "removed", group, at, messages);
        if (!messages.isEmpty()) {
            ctx.store.outbox().appendAll(messages);
        }
    }

    private void chunks(Collection<UserId> ids, String key, GroupHeader group, Instant at, List<OutboxMessage> into) {
        List<UserId> sorted = ids.stream().sorted(Comparator.comparing(UserId::value)).toList();
        for (int from = 0; from < sorted.size(); from += GroupEvent.MAX_MEMBERS_PER_EVENT) {
            List<UserId> chunk = sorted.subList(from, Math.min(sorted.size(), from + GroupEvent.MAX_MEMBERS_PER_EVENT));
            StringBuilder text = new StringBuilder();
            for (UserId id : chunk) {
                text.append(text.length() == 0 ? "" : ",").append(id.value());
            }
            into.add(new OutboxMessage(ctx.ids.next(), group.tenantId(), group.id(),
                    OutboxMessage.Kind.GROUP_MEMBERS_CHANGED, at, Map.of(key, text.toString())));
        }
    }

    /**
     * An audit entry on something that is not a user — a tenant, a credential, a group — made on this
     * thread for the request in {@link RequestScope}, if any.
     */
    void audit(TenantId tenant, Actor actor, AuditAction action, String target, Instant at, String detail) {
        ctx.store.auditLog().append(new AuditEntry(ctx.ids.next(), tenant, actor, action, target, at, detail,
                RequestScope.current()));
    }

    /** The records of one or more changes, written together. */
    private final class Batch implements Effect.Visitor<Void> {
        private User user;
        private Actor actor;
        private Instant at;
        private Optional<RequestId> requestId;
        /** The user's audit target, one string for all the change's entries (the in-memory store keeps them). */
        private String target;
        private final List<AuditEntry> audits = new ArrayList<>(4);
        private final List<OutboxMessage> messages = new ArrayList<>(2);

        /** The change whose effects follow. */
        void change(Change change) {
            this.user = change.user();
            this.actor = change.actor();
            this.at = change.at();
            this.requestId = change.requestId();
            this.target = AuditEntry.targetOf(user.id());
        }

        private void audit(AuditAction action, String detail) {
            audits.add(new AuditEntry(ctx.ids.next(), user.tenantId(), actor, action, target, at, detail,
                    requestId));
        }

        @Override
        public Void audited(Effect.Audited effect) {
            audit(effect.action(), effect.detail());
            return null;
        }

        @Override
        public Void announced(Effect.Announced effect) {
            Map<String, String> payload = new LinkedHashMap<>(effect.payload());
            if (!isRemoval(effect.type())) {
                payload.putIfAbsent("userName", user.userName().value());
            }
            messages.add(new OutboxMessage(ctx.ids.next(), user.tenantId(), user.id(),
                    OutboxMessage.Kind.valueOf(effect.type().name()), at, payload));
            return null;
        }

        @Override
        public Void invitationIssued(Effect.InvitationIssued effect) {
            String token = ctx.secret();
            Invitation invitation = Invitation.issue(effect.invitation(), user.tenantId(), user.id(),
                    SecretHash.of(token), at, ctx.invitationTtl);
            ctx.store.invitations().add(invitation);
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("invitationId", invitation.id().value());
            payload.put("token", token);
            payload.put("email", user.email().orElse(""));
            payload.put("organization", ctx.tenant(user.tenantId()).map(Tenant::name).orElse(""));
            payload.put("expiresAt", invitation.expiresAt().toString());
            payload.put("userName", user.userName().value());
            messages.add(new OutboxMessage(ctx.ids.next(), user.tenantId(), user.id(),
                    OutboxMessage.Kind.INVITATION_EMAIL, at, payload));
            audit(AuditAction.INVITATION_ISSUED, "invitation:" + invitation.id());
            return null;
        }

        @Override
        public Void invitationRevoked(Effect.InvitationRevoked effect) {
            ctx.store.invitations().find(effect.invitation()).filter(Invitation::isOpen).ifPresent(open -> {
                ctx.store.invitations().update(open.revoke(at));
                audit(AuditAction.INVITATION_REVOKED, "invitation:" + open.id());
            });
            return null;
        }

        @Override
        public Void invitationAccepted(Effect.InvitationAccepted effect) {
            ctx.store.invitations().find(effect.invitation())
                    .ifPresent(invitation -> ctx.store.invitations().update(invitation.accept(at)));
            return null;
        }

        void flush() {
            if (!audits.isEmpty()) {
                ctx.store.auditLog().appendAll(audits);
            }
            if (!messages.isEmpty()) {
                ctx.store.outbox().appendAll(messages);
            }
        }
    }

    private static boolean isRemoval(LifecycleEvent.Type type) {
        return type == LifecycleEvent.Type.PURGED || type == LifecycleEvent.Type.HARD_DELETED;
    }
}
