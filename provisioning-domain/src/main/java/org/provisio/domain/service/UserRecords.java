package org.provisio.domain.service;

import java.time.Instant;
import java.util.List;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditRewrite;
import org.provisio.domain.model.Effect;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Removal;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UserView;

/** What the user use cases share: writing a change with its effects, removal, and views with groups. */
final class UserRecords {
    private final Context ctx;
    private final EffectRecorder recorder;

    UserRecords(Context ctx, EffectRecorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
    }

    /**
     * Stores {@code after}, a change of {@code before} that the caller holds locked, and records
     * its effects: the view of the user, or {@code NotUnique} after a rename onto a taken name.
     */
    Outcome<UserView> write(User before, User after, Actor actor, Instant at, List<Effect> effects) {
        WriteOutcome written = ctx.store.users().replace(before, after);
        switch (written) {
            case WRITTEN:
                recorder.record(after, actor, at, effects);
                return Outcome.done(view(after));
            case NOT_UNIQUE:
                return Outcome.refused(new Refusal.NotUnique("userName", after.userName().value()));
            case STALE_VERSION:
            case NOT_FOUND:
            default:
                // the user is locked for this unit of work: another writer cannot have come between
                throw new IllegalStateException("user " + after.id() + " changed while locked: " + written);
        }
    }

    /**
     * Erases a locked user, in this unit of work: the record, its memberships, its invitations and
     * its undelivered outbox messages (their payloads name the person; the removal event appended
     * now tells the product to erase its own copy) go, and the audit entries on the user stay under
     * a pseudonym drawn now, the same for all of them so that they still read as one person's
     * history. The pseudonym is not derived from the id: nothing held anywhere (access logs keep
     * ids) leads back from it to the person. False if a concurrent removal came first (it records it).
     */
    boolean remove(User user, Actor actor, Removal removal, Instant at) {
        if (!ctx.store.users().delete(user.tenantId(), user.id())) {
            return false;
        }
        ctx.store.groups().removeMemberEverywhere(user.tenantId(), user.id(), at);
        ctx.store.invitations().deleteAllFor(user.tenantId(), user.id());
        List<String> undelivered = ctx.store.outbox().messagesOf(user.tenantId(), user.id()).stream()
                .map(OutboxMessage::id).toList();
        if (!undelivered.isEmpty()) {
            ctx.store.outbox().remove(undelivered);
        }
        recorder.record(user, actor, at, removal.effects());
        ctx.store.auditLog().pseudonymise(user.tenantId(),
                AuditRewrite.erasing(user.id(), UserId.of("erased-" + ctx.ids.next())));
        return true;
    }

    /** Refused with {@code VersionMismatch} unless {@code ifMatch} is absent or names the user's version. */
    static boolean matches(User user, java.util.Optional<Version> ifMatch) {
        return ifMatch.isEmpty() || ifMatch.get().equals(user.version());
    }

    UserView view(User user) {
        return new UserView(user, ctx.store.groups().groupsOf(user.tenantId(), user.id()));
    }
}
