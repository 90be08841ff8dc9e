package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.Effect;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.Removal;
import org.provisio.domain.model.Suspendable;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.Transition;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserState;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.GetUser;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.QueryUsers;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.UserSummary;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.schema.SchemaValidator;

/**
 * The SCIM-facing user use cases (create, replace, patch, delete, read, query) and the admin's
 * listing. Every change locks the user first, so that concurrent writers of one user are
 * serialised by the store; attributes and state change together in one write.
 */
final class UserService implements ProvisionUser, ReplaceUser, PatchUser, GetUser, QueryUsers, DeleteUser,
        ListUsersByStatus {
    /** The most users a query's answer holds for it to be kept (see {@link Context#readKept}). */
    private static final int KEPT_PAGE = 4;
    private final Context ctx;
    private final UserRecords records;
    private final EffectRecorder recorder;
    private final SchemaValidator validator;
    private final PatchEngine engine;
    private final UserChanges changes;

    UserService(Context ctx, UserRecords records, EffectRecorder recorder) {
        this.ctx = ctx;
        this.records = records;
        this.recorder = recorder;
        this.changes = new UserChanges(ctx, recorder);
        this.validator = UserInput.validator(ctx.userSchema);
        this.engine = new PatchEngine(ctx.userSchema);
    }

    @Override
    public Outcome<UserView> provision(ProvisionUser.Command command) {
        UserInput input = UserInput.of(validator, ctx.limits, command.resource(), command.conformance());
        return ctx.write(() -> {
            if (ctx.tenant(command.tenantId()).isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tenant", command.tenantId().value()));
            }
            Instant now = ctx.now();
            Transition<UserState> provisioned = Transition.provisioned(input.active().orElse(true), now,
                    ctx.retention, InvitationId.of(ctx.ids.next()));
            User user = User.create(UserId.of(ctx.ids.next()), command.tenantId(), input.userName(),
                    input.externalId(), input.resource(), provisioned.after(), now);
            if (ctx.store.users().add(user) != WriteOutcome.WRITTEN) {
                return Outcome.refused(new Refusal.NotUnique("userName", input.userName().value()));
            }
            recorder.record(user, command.actor(), now, provisioned.effects());
            // a user created a moment ago belongs to no group yet
            return Outcome.done(new UserView(user, List.of()));
        });
    }

    /** Through {@link UserChanges}, so that concurrent changes of one user share a unit of work. */
    @Override
    public Outcome<UserView> replace(ReplaceUser.Command command) {
        UserInput input = UserInput.of(validator, ctx.limits, command.resource(), command.conformance());
        return changes.apply(command.tenantId(), command.userId(), command.ifMatch(),
                (current, groups) -> plan(current, input, command.actor()));
    }

    /** Through {@link UserChanges}; the operations apply to the user as the changes before this one left it. */
    @Override
    public Outcome<UserView> patch(PatchUser.Command command) {
        PatchRequest request = command.request();
        return changes.apply(command.tenantId(), command.userId(), command.ifMatch(), (current, groups) -> {
            ScimResource patched = ScimResource.of(engine.apply(new UserView(current, groups).toScim(), request,
                    command.conformance()));
            return plan(current, UserInput.of(validator, ctx.limits, patched), command.actor());
        });
    }

    @Override
    public Outcome<UserId> delete(DeleteUser.Command command) {
        return ctx.write(() -> locked(command.tenantId(), command.userId(), command.ifMatch(), user -> {
            records.remove(user, command.actor(), Removal.HARD_DELETE, ctx.now());
            return Outcome.done(user.id());
        }));
    }

    /** Runs {@code change} on the user, locked, once {@code If-Match} holds. */
    private <T> Outcome<T> locked(TenantId tenant, UserId id, Optional<Version> ifMatch,
                                  java.util.function.Function<User, Outcome<T>> change) {
        Optional<User> found = ctx.store.users().lock(tenant, id);
        if (found.isEmpty()) {
            return Outcome.refused(new Refusal.NotFound("user", id.value()));
        }
        User current = found.get();
        if (!UserRecords.matches(current, ifMatch)) {
            return Outcome.refused(new Refusal.VersionMismatch(current.version()));
        }
        return change.apply(current);
    }

    /**
     * The user with the client's attributes and, when {@code active} says so, the lifecycle
     * transition it asks for: one new state, the effects of both, nothing written yet.
     */
    private UserChanges.Planned plan(User current, UserInput input, Actor actor) {
        validator.checkImmutable(current.toScim(List.of()), input.resource().attributes());
        Instant now = ctx.now();
        List<Effect> effects = new ArrayList<>();
        boolean attributesChanged = !current.hasAttributes(input.userName(), input.externalId(), input.resource());
        if (attributesChanged) {
            effects.add(new Effect.Audited(AuditAction.USER_UPDATED, ""));
        }
        UserState state = current.state();
        if (input.active().isPresent() && input.active().get() != state.active()) {
            Transition<? extends UserState> transition;
            if (state instanceof Suspended suspended) {
                if (!suspended.restorableAt(now)) {
                    return new UserChanges.Refused(new Refusal.RetentionElapsed(suspended.purgeAt()));
                }
                transition = suspended.restore(now, () -> InvitationId.of(ctx.ids.next()));
            } else {
                transition = ((Suspendable) state).suspend(now, ctx.retention);
            }
            state = transition.after();
            effects.addAll(transition.effects());
        }
        if (effects.isEmpty()) {
            return new UserChanges.Unchanged();
        }
        User after = current.changed(input.userName(), input.externalId(), input.resource(), state, now);
        return new UserChanges.Changed(after, actor, now, effects);
    }

    @Override
    public Optional<UserView> get(TenantId tenantId, UserId userId) {
        return ctx.readKept(new UserById(tenantId, userId), () -> ctx.store.users().findWithGroups(tenantId, userId)
                .map(UserView::of));
    }

    /** The key of a kept {@link #get}. */
    private record UserById(TenantId tenant, UserId id) {
    }

    /** The key of a kept {@link #query}. */
    private record UserQueryOf(TenantId tenant, UserQuery query) {
    }

    @Override
    public Page<UserView> query(TenantId tenantId, UserQuery query) {
        UserQuery typed = query.withSchema(ctx.userSchema);
        // a lookup (userName eq, externalId eq) is kept; a page of many users would crowd the memory
        return ctx.readKept(new UserQueryOf(tenantId, typed), () -> ctx.store.users().queryWithGroups(tenantId, typed).map(UserView::of),
                page -> page.items().size() <= KEPT_PAGE);
    }

    @Override
    public Page<UserSummary> list(ListUsersByStatus.Command command) {
        return ctx.read(() -> ctx.store.users().listByStatus(command.tenantId(), command.status(), command.search(),
                command.page()).map(UserSummary::of));
    }

    @Override
    public Optional<ListUsersByStatus.Details> details(TenantId tenantId, UserId userId) {
        return ctx.read(() -> ctx.store.users().find(tenantId, userId).map(user -> {
            Optional<ListUsersByStatus.InvitationState> invitation = ctx.store.invitations().latestFor(tenantId, userId)
                    .map(i -> new ListUsersByStatus.InvitationState(i.id(), i.issuedAt(), i.expiresAt(),
                            InvitationStanding.of(Optional.of(i), Optional.of(user), ctx.now())));
            return new ListUsersByStatus.Details(UserSummary.of(user), records.view(user), invitation);
        }));
    }

    @Override
    public Optional<UserSummary> find(TenantId tenantId, UserId userId) {
        return ctx.read(() -> ctx.store.users().find(tenantId, userId).map(UserSummary::of));
    }
}
