package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.DeleteGroup;
import org.provisio.domain.usecase.GetGroup;
import org.provisio.domain.usecase.GroupMember;
import org.provisio.domain.usecase.GroupView;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.QueryGroups;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.patch.PatchOperation;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.SchemaValidator;
import org.provisio.scim.text.CaseFolding;

/**
 * The SCIM group use cases. Every change is one unit of work that first locks the users it makes
 * members (so that a membership cannot race with the user's deletion, which locks the user and then
 * its groups), then the group (so that concurrent changes of one group are serialised by the store),
 * then writes the group's new version and the membership delta.
 */
final class GroupService implements CreateGroup, GetGroup, QueryGroups, ReplaceGroup, PatchGroup, DeleteGroup {
    /** How many unknown member ids an error names at most. */
    private static final int NAMED_IN_ERROR = 5;

    private final Context ctx;
    private final EffectRecorder recorder;
    private final SchemaValidator validator;
    private final PatchEngine engine;

    GroupService(Context ctx, EffectRecorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
        this.validator = new SchemaValidator(ctx.groupSchema);
        this.engine = new PatchEngine(ctx.groupSchema);
    }

    /** The client attributes of a group resource, validated. */
    private record Attributes(String displayName, Optional<String> externalId, Set<UserId> members) {
        static Attributes of(SchemaValidator validator, ComplexValue raw) {
            return of(validator, raw, Conformance.LENIENT);
        }

        /** The attributes of a resource a client sent, its tolerances asked of {@code conformance}. */
        static Attributes of(SchemaValidator validator, ComplexValue raw, Conformance conformance) {
            ComplexValue v = validator.validate(raw, conformance);
            Value name = v.getOrNull("displayName");
            if (!(name instanceof StringValue s) || s.value().isBlank()) {
                throw ScimException.invalidValue("displayName is required and must be a non-empty string");
            }
            if (s.value().length() > GroupHeader.MAX_DISPLAY_NAME) {
                throw ScimException.invalidValue("displayName must be at most " + GroupHeader.MAX_DISPLAY_NAME
                        + " characters");
            }
            Optional<String> externalId = v.getText("externalId").filter(e -> !e.isBlank());
            if (externalId.isPresent() && externalId.get().length() > GroupHeader.MAX_EXTERNAL_ID) {
                throw ScimException.invalidValue("externalId must be at most " + GroupHeader.MAX_EXTERNAL_ID
                        + " characters");
            }
            MultiValue members = v.getMulti("members");
            return new Attributes(s.value(), externalId, GroupMembers.ids(members.values(), false));
        }
    }

    /** A change to write: the group's attributes after it and the membership delta. */
    private record Change(Attributes after, Set<UserId> added, Set<UserId> removed) {
    }

    @Override
    public Outcome<GroupView> create(CreateGroup.Command command) {
        Attributes a = Attributes.of(validator, command.resource().attributes(), command.conformance());
        return ctx.write(() -> {
            if (ctx.tenant(command.tenantId()).isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tenant", command.tenantId().value()));
            }
            Map<UserId, UserName> names = requireUsers(command.tenantId(), a.members(),
                    ctx.store.users().lockNames(command.tenantId(), a.members()));
            Instant now = ctx.now();
            Group group = Group.create(GroupId.of(ctx.ids.next()), command.tenantId(), a.displayName(), a.externalId(),
                    a.members(), now);
            if (ctx.store.groups().add(group) != WriteOutcome.WRITTEN) {
                return Outcome.refused(new Refusal.NotUnique("displayName", a.displayName()));
            }
            audit(group.header(), command.actor(), AuditAction.GROUP_CREATED, now,
                    a.displayName() + " (" + a.members().size() + " members)");
            ctx.store.users().touch(command.tenantId(), a.members(), now);
            recorder.announceGroup(group.header(), now, Optional.of(OutboxMessage.Kind.GROUP_CREATED), a.members(),
                    Set.of());
            return Outcome.done(new GroupView(group.header(), Optional.of(members(names))));
        });
    }

    @Override
    public Optional<GroupView> get(TenantId tenantId, GroupId groupId, boolean withMembers) {
        return ctx.read(() -> withMembers
                ? ctx.store.groups().find(tenantId, groupId).map(this::fullView)
                : ctx.store.groups().findHeader(tenantId, groupId).map(h -> new GroupView(h, Optional.empty())));
    }

    @Override
    public Page<GroupView> query(TenantId tenantId, GroupQuery query, boolean withMembers) {
        GroupQuery typed = query.withSchema(ctx.groupSchema);
        return ctx.read(() -> ctx.store.groups().query(tenantId, typed).map(h -> withMembers
                ? ctx.store.groups().find(tenantId, h.id()).map(this::fullView)
                        .orElse(new GroupView(h, Optional.of(List.of())))
                : new GroupView(h, Optional.empty())));
    }

    @Override
    public Outcome<GroupView> replace(ReplaceGroup.Command command) {
        Attributes a = Attributes.of(validator, command.resource().attributes(), command.conformance());
        return ctx.write(() -> {
            Map<UserId, UserName> locked = ctx.store.users().lockNames(command.tenantId(), a.members());
            Optional<GroupHeader> header = ctx.store.groups().lockHeader(command.tenantId(), command.groupId());
            Optional<Refusal> refusal = refusal(header, command.groupId(), command.ifMatch());
            if (refusal.isPresent()) {
                return Outcome.refused(refusal.get());
            }
            Set<UserId> current = ctx.store.groups().find(command.tenantId(), command.groupId()).orElseThrow().members();
            Map<UserId, UserName> names = requireUsers(command.tenantId(), a.members(), locked);
            return write(header.get(), new Change(a, minus(a.members(), current), minus(current, a.members())),
                    command.actor()).map(after -> new GroupView(after, Optional.of(members(names))));
        });
    }

    @Override
    public Outcome<GroupView> patch(PatchGroup.Command c) {
        Optional<MembershipChange> delta = MembershipChange.of(c.request().operations(), c.conformance());
        return ctx.write(() -> {
            Map<UserId, UserName> locked = ctx.store.users().lockNames(c.tenantId(), candidates(c, delta));
            Optional<GroupHeader> header = ctx.store.groups().lockHeader(c.tenantId(), c.groupId());
            Optional<Refusal> refusal = refusal(header, c.groupId(), c.ifMatch());
            if (refusal.isPresent()) {
                return Outcome.refused(refusal.get());
            }
            Change change = delta.isPresent() ? deltaChange(header.get(), delta.get(), c.conformance()) : fullChange(c);
            Set<UserId> unlocked = minus(change.added(), locked.keySet());
            if (!unlocked.isEmpty()) {
                // added by a path-less value the engine resolved only now: lock them too
                locked = new java.util.HashMap<>(locked);
                locked.putAll(ctx.store.users().lockNames(c.tenantId(), unlocked));
            }
            requireUsers(c.tenantId(), change.added(), locked);
            Outcome<GroupHeader> written = write(header.get(), change, c.actor());
            if (!c.withMembers()) {
                return written.map(after -> new GroupView(after, Optional.empty()));
            }
            return written.map(after -> fullView(ctx.store.groups().find(c.tenantId(), c.groupId()).orElseThrow()));
        });
    }

    /**
     * The users a PATCH may add, known before the group is read: those its member operations name,
     * or, for a patch of the whole view, those the view would hold after it (read without the lock;
     * re-checked under it).
     */
    private Set<UserId> candidates(PatchGroup.Command c, Optional<MembershipChange> delta) {
        if (delta.isPresent()) {
            Set<UserId> named = new LinkedHashSet<>(delta.get().added());
            delta.get().replacement().ifPresent(named::addAll);
            return named;
        }
        Optional<Group> group = ctx.store.groups().find(c.tenantId(), c.groupId());
        if (group.isEmpty()) {
            return Set.of();
        }
        try {
            return Attributes.of(validator, engine.apply(fullView(group.get()).toScim(), c.request(), c.conformance()))
                    .members();
        } catch (ScimException e) {
            return Set.of(); // the same error comes again under the lock
        }
    }

    private Change deltaChange(GroupHeader header, MembershipChange delta, Conformance conformance) {
        List<PatchOperation> ops = delta.attributeOperations();
        ComplexValue view = new GroupView(header, Optional.empty()).toScim();
        Attributes patched = Attributes.of(validator, ops.isEmpty() ? view : engine.apply(view, ops, conformance));
        Optional<Set<UserId>> replacement = delta.replacement();
        if (replacement.isPresent()) {
            Set<UserId> current = ctx.store.groups().find(header.tenantId(), header.id()).orElseThrow().members();
            Set<UserId> target = new LinkedHashSet<>(replacement.get());
            target.addAll(delta.added());
            target.removeAll(delta.removed());
            return new Change(patched, minus(target, current), minus(current, target));
        }
        Set<UserId> named = new HashSet<>(delta.added());
        named.addAll(delta.removed());
        Set<UserId> present = named.isEmpty() ? Set.of()
                : ctx.store.groups().membersAmong(header.tenantId(), header.id(), named);
        Set<UserId> removed = new LinkedHashSet<>(delta.removed());
        removed.retainAll(present);
        return new Change(patched, minus(delta.added(), present), removed);
    }

    private Change fullChange(PatchGroup.Command c) {
        Group current = ctx.store.groups().find(c.tenantId(), c.groupId()).orElseThrow();
        Attributes patched = Attributes.of(validator, engine.apply(fullView(current).toScim(), c.request(),
                c.conformance()));
        return new Change(patched, minus(patched.members(), current.members()),
                minus(current.members(), patched.members()));
    }

    @Override
    public Outcome<GroupId> delete(DeleteGroup.Command command) {
        return ctx.write(() -> {
            Optional<GroupHeader> header = ctx.store.groups().lockHeader(command.tenantId(), command.groupId());
            Optional<Refusal> refusal = refusal(header, command.groupId(), command.ifMatch());
            if (refusal.isPresent()) {
                return Outcome.refused(refusal.get());
            }
            Instant now = ctx.now();
            // its members' groups change: their versions move before the memberships go
            ctx.store.groups().find(command.tenantId(), command.groupId())
                    .ifPresent(group -> ctx.store.users().touch(command.tenantId(), group.members(), now));
            ctx.store.groups().delete(command.tenantId(), command.groupId());
            audit(header.get(), command.actor(), AuditAction.GROUP_DELETED, now, header.get().displayName());
            recorder.announceGroup(header.get(), now, Optional.of(OutboxMessage.Kind.GROUP_DELETED), Set.of(), Set.of());
            return Outcome.done(command.groupId());
        });
    }

    /** Not found, or a stale {@code If-Match}. */
    private static Optional<Refusal> refusal(Optional<GroupHeader> header, GroupId id, Optional<Version> ifMatch) {
        if (header.isEmpty()) {
            return Optional.of(new Refusal.NotFound("group", id.value()));
        }
        if (ifMatch.isPresent() && !ifMatch.get().equals(header.get().version())) {
            return Optional.of(new Refusal.VersionMismatch(header.get().version()));
        }
        return Optional.empty();
    }

    /**
     * Stores a change of a locked group: nothing when there is none; else the header at the next
     * version, then the membership delta, then the audit.
     */
    private Outcome<GroupHeader> write(GroupHeader before, Change change, Actor actor) {
        Attributes a = change.after();
        boolean renamed = !before.hasAttributes(a.displayName(), a.externalId());
        if (!renamed && change.added().isEmpty() && change.removed().isEmpty()) {
            return Outcome.done(before);
        }
        Instant now = ctx.now();
        GroupHeader after = renamed ? before.withAttributes(a.displayName(), a.externalId(), now) : before.touched(now);
        WriteOutcome outcome = ctx.store.groups().update(after, before.version());
        if (outcome == WriteOutcome.NOT_UNIQUE) {
            return Outcome.refused(new Refusal.NotUnique("displayName", a.displayName()));
        }
        if (outcome != WriteOutcome.WRITTEN) {
            throw new IllegalStateException("group " + before.id() + " changed while locked: " + outcome);
        }
        if (!change.removed().isEmpty()) {
            ctx.store.groups().removeMembers(before.tenantId(), before.id(), change.removed());
        }
        if (!change.added().isEmpty()) {
            ctx.store.groups().addMembers(before.tenantId(), before.id(), change.added());
        }
        if (renamed) {
            audit(after, actor, AuditAction.GROUP_UPDATED, now, a.displayName());
        }
        if (!change.added().isEmpty() || !change.removed().isEmpty()) {
            audit(after, actor, AuditAction.GROUP_MEMBERS_CHANGED, now,
                    "+" + change.added().size() + " -" + change.removed().size());
        }
        // the members' representations change (groups[].display on a rename, groups on a membership)
        Set<UserId> moved = new HashSet<>(change.added());
        moved.addAll(change.removed());
        if (!before.displayName().equals(after.displayName())) {
            ctx.store.groups().find(before.tenantId(), before.id()).ifPresent(group -> moved.addAll(group.members()));
        }
        ctx.store.users().touch(before.tenantId(), moved, now);
        recorder.announceGroup(after, now, renamed ? Optional.of(OutboxMessage.Kind.GROUP_UPDATED) : Optional.empty(),
                change.added(), change.removed());
        return Outcome.done(after);
    }

    /**
     * The names of {@code ids} (already looked up in {@code found}), all of which must be users of the
     * tenant: otherwise {@code invalidValue} naming the first few that are not, and saying so when
     * one is a group.
     */
    private Map<UserId, UserName> requireUsers(TenantId tenant, Set<UserId> ids, Map<UserId, UserName> found) {
        List<String> unknown = new ArrayList<>();
        for (UserId id : ids) {
            if (!found.containsKey(id)) {
                unknown.add(id.value());
            }
        }
        if (unknown.isEmpty()) {
            return found;
        }
        List<String> named = unknown.subList(0, Math.min(NAMED_IN_ERROR, unknown.size()));
        for (String id : named) {
            if (ctx.store.groups().findHeader(tenant, GroupId.of(id)).isPresent()) {
                throw ScimException.invalidValue("The member \"" + id + "\" is a group; groups cannot be members"
                        + " of groups here, \"members\" holds users of the tenant only");
            }
        }
        throw ScimException.invalidValue((unknown.size() == 1 ? "The member " : unknown.size() + " members, e.g. ")
                + String.join(", ", named.stream().map(i -> "\"" + i + "\"").toList())
                + (unknown.size() == 1 ? " is not a user" : ", are not users") + " of this tenant");
    }

    private GroupView fullView(Group group) {
        Map<UserId, UserName> names = ctx.store.users().userNames(group.tenantId(), group.members());
        return new GroupView(group.header(), Optional.of(members(names)));
    }

    /** Members in {@code userName} order (ignoring case), then by id. */
    private static List<GroupMember> members(Map<UserId, UserName> names) {
        List<GroupMember> out = new ArrayList<>(names.size());
        names.forEach((id, name) -> out.add(new GroupMember(id, name)));
        // compareIgnoreCase orders exactly as the folds do, without folding (allocating) per comparison
        out.sort(Comparator.comparing((GroupMember m) -> m.userName().value(), CaseFolding::compareIgnoreCase)
                .thenComparing(m -> m.id().value()));
        return out;
    }

    private static Set<UserId> minus(Set<UserId> from, Set<UserId> without) {
        Set<UserId> out = new LinkedHashSet<>(from);
        out.removeAll(without);
        return out;
    }

    private void audit(GroupHeader group, Actor actor, AuditAction action, Instant at, String detail) {
        recorder.audit(group.tenantId(), actor, action, AuditEntry.targetOf(group.id()), at, detail);
    }
}
