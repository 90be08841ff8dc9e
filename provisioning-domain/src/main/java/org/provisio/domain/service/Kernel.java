package org.provisio.domain.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Suspendable;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserState;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.IdGenerator;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaRegistry;

/** What the services share: the ports, time, ids, settings and the side effects of a lifecycle change. */
final class Kernel {
    final Store store;
    final Clock clock;
    final IdGenerator ids;
    final Retention retention;
    final InvitationTtl invitationTtl;
    final int purgeBatchSize;
    /** The schemas users and groups are validated against, an embedder's extensions included. */
    final SchemaRegistry schemas;
    final ResourceSchema userSchema;
    final ResourceSchema groupSchema;
    private final SecureRandom random;

    Kernel(Store store, Clock clock, IdGenerator ids, Retention retention, InvitationTtl invitationTtl,
           int purgeBatchSize, SchemaRegistry schemas, SecureRandom random) {
        this.store = store;
        this.schemas = schemas;
        this.userSchema = schemas.resourceSchema("User");
        this.groupSchema = schemas.resourceSchema("Group");
        this.clock = clock;
        this.ids = ids;
        this.retention = retention;
        this.invitationTtl = invitationTtl;
        this.purgeBatchSize = purgeBatchSize;
        this.random = random;
    }

    Instant now() {
        return clock.instant();
    }

    /** 32 random bytes, base64url. */
    String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    <T> T tx(java.util.function.Supplier<T> work) {
        return store.unitOfWork().inTransaction(work);
    }

    void audit(User user, Actor actor, AuditAction action, Instant at, String detail) {
        store.auditLog().append(new AuditEntry(ids.next(), user.tenantId(), actor, action, "user:" + user.id(), at,
                detail));
    }

    void emit(User user, OutboxMessage.Kind kind, Instant at, Map<String, String> payload) {
        Map<String, String> p = new LinkedHashMap<>(payload);
        p.putIfAbsent("userName", user.userName().value());
        store.outbox().append(new OutboxMessage(ids.next(), user.tenantId(), user.id(), kind, at, p));
    }

    UserView view(User user) {
        return new UserView(user, store.groups().groupsOf(user.tenantId(), user.id()));
    }

    /**
     * Issues an invitation for {@code user} (already stored in its pending state with {@code id}),
     * queues its email and audits it.
     */
    Invitation invite(User user, InvitationId id, Actor actor, Instant at) {
        String token = secret();
        Invitation invitation = Invitation.issue(id, user.tenantId(), user.id(), SecretHash.of(token), at,
                invitationTtl);
        store.invitations().add(invitation);
        String organization = store.tenants().find(user.tenantId()).map(Tenant::name).orElse("");
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("invitationId", id.value());
        payload.put("token", token);
        payload.put("email", emailOf(user).orElse(""));
        payload.put("organization", organization);
        payload.put("expiresAt", invitation.expiresAt().toString());
        emit(user, OutboxMessage.Kind.INVITATION_EMAIL, at, payload);
        audit(user, actor, AuditAction.INVITATION_ISSUED, at, "invitation:" + id);
        return invitation;
    }

    /** Revokes the open invitation of a pending user. */
    void revokeInvitation(User user, Pending pending, Actor actor, Instant at) {
        store.invitations().find(pending.invitation()).filter(Invitation::isOpen).ifPresent(inv -> {
            store.invitations().update(inv.revoke(at));
            audit(user, actor, AuditAction.INVITATION_REVOKED, at, "invitation:" + inv.id());
        });
    }

    /** The primary email, else the first, else the userName if it looks like an address. */
    static Optional<String> emailOf(User user) {
        MultiValue emails = user.profile().attributes().getMulti("emails");
        String first = null;
        for (Value v : emails.values()) {
            if (v instanceof ComplexValue c && c.getText("value").isPresent()) {
                String value = c.getText("value").get();
                if (c.getOrNull("primary") instanceof org.provisio.scim.resource.BooleanValue b && b.value()) {
                    return Optional.of(value);
                }
                first = first == null ? value : first;
            }
        }
        if (first != null) {
            return Optional.of(first);
        }
        String name = user.userName().value();
        return name.contains("@") ? Optional.of(name) : Optional.empty();
    }

    /** Suspends a pending or active user (no-op for a suspended one); stores nothing. */
    UserState suspend(User user, Actor actor, Instant at) {
        if (user.state() instanceof Pending p) {
            revokeInvitation(user, p, actor, at);
        }
        return user.state() instanceof Suspendable s ? s.suspend(at, retention) : user.state();
    }

    /**
     * Restores a suspended user within retention, stores it and records the side effects.
     * The caller has checked {@link Suspended#restorableAt}.
     */
    User restore(User user, Suspended suspended, Actor actor, Instant at, Version expected) {
        UserState restored = suspended.restore(at, () -> InvitationId.of(ids.next()));
        User updated = user.withState(restored, at);
        store(updated, expected);
        afterStateChange(user, updated, actor, at);
        return updated;
    }

    /** Records the audit entries, events and invitations that a change of state implies. */
    void afterStateChange(User before, User after, Actor actor, Instant at) {
        UserState from = before.state();
        UserState to = after.state();
        if (from.equals(to)) {
            return;
        }
        if (to instanceof Suspended) {
            audit(after, actor, AuditAction.USER_SUSPENDED, at, "from " + from.status().keyword());
            emit(after, OutboxMessage.Kind.SUSPENDED, at, Map.of("purgeAt", ((Suspended) to).purgeAt().toString()));
        } else if (from instanceof Suspended) {
            audit(after, actor, AuditAction.USER_RESTORED, at, "to " + to.status().keyword());
            emit(after, OutboxMessage.Kind.RESTORED, at, Map.of("status", to.status().keyword()));
            if (to instanceof Pending p) {
                invite(after, p.invitation(), actor, at);
            }
        }
    }

    /** Stores an update or throws the SCIM error for its outcome. */
    void store(User updated, Version expected) {
        WriteOutcome outcome = store.users().update(updated, expected);
        switch (outcome) {
            case WRITTEN:
                return;
            case NOT_UNIQUE:
                throw ScimException.uniqueness("userName " + updated.userName() + " is taken");
            case STALE_VERSION:
                // RFC 7644 §3.14: a version that is no longer current is a failed precondition; PATCH
                // without If-Match retries on it
                throw ScimException.preconditionFailed("user " + updated.id() + " was changed concurrently");
            case NOT_FOUND:
                throw ScimException.notFound("user " + updated.id() + " not found");
            default:
                throw new IllegalStateException("unexpected outcome " + outcome);
        }
    }

    /** Removes a user with its memberships and invitations (purge and hard delete alike). */
    void remove(User user, Actor actor, AuditAction action, OutboxMessage.Kind kind, Instant at) {
        if (!store.users().delete(user.tenantId(), user.id())) {
            // removed meanwhile by a concurrent delete or purge: that one audits and announces it
            throw ScimException.notFound("user " + user.id() + " not found");
        }
        store.groups().removeMemberEverywhere(user.tenantId(), user.id(), at);
        store.invitations().deleteAllFor(user.tenantId(), user.id());
        audit(user, actor, action, at, user.userName().value());
        emit(user, kind, at, Map.of());
    }
}
