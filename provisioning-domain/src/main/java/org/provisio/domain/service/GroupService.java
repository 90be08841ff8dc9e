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
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
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
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.QueryGroups;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.patch.PatchOperation;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.SchemaValidator;

/**
 * The SCIM group use cases. Every write is one unit of work that moves the group's version with a
 * compare-and-set on its header first, so concurrent changes of one group are serialised, then
 * applies the membership delta. PATCH is read, apply, replace-if-unchanged, retried like
 * {@link PatchService} when the client sent no {@code If-Match}.
 */
final class GroupService implements CreateGroup, GetGroup, QueryGroups, ReplaceGroup, PatchGroup, DeleteGroup {
    private final SchemaValidator validator;
    /** How many unknown member ids an error names at most. */
    private static final int NAMED_IN_ERROR = 5;

    private final Kernel k;
    private final PatchEngine engine;

    GroupService(Kernel k) {
        this.k = k;
        this.validator = new SchemaValidator(k.groupSchema);
        this.engine = new PatchEngine(k.groupSchema);
    }

    /** The client attributes of a group resource, validated. */
    private record Attributes(String displayName, Optional<String> externalId, Set<UserId> members) {
        static Attributes of(SchemaValidator validator, ComplexValue raw) {
            ComplexValue v = validator.validate(raw);
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

    @Override
    public GroupView create(CreateGroup.Command command) {
        Attributes a = Attributes.of(validator, command.resource().attributes());
        return k.tx(() -> {
            if (k.store.tenants().find(command.tenantId()).isEmpty()) {
                throw ScimException.notFound("tenant " + command.tenantId() + " not found");
            }
            Map<UserId, UserName> names = requireUsers(command.tenantId(), a.members());
            Instant now = k.now();
            Group group = Group.create(GroupId.of(k.ids.next()), command.tenantId(), a.displayName(), a.externalId(),
                    a.members(), now);
            if (k.store.groups().add(group) != WriteOutcome.WRITTEN) {
                throw ScimException.uniqueness("displayName \"" + a.displayName() + "\" is taken");
            }
            audit(group.header(), command.actor(), AuditAction.GROUP_CREATED, now,
                    a.displayName() + " (" + a.members().size() + " members)");
            return new GroupView(group.header(), Optional.of(members(names)));
        });
    }

    @Override
    public Optional<GroupView> get(TenantId tenantId, GroupId groupId, boolean withMembers) {
        return k.tx(() -> {
            if (!withMembers) {
                return k.store.groups().findHeader(tenantId, groupId).map(h -> new GroupView(h, Optional.empty()));
            }
            return k.store.groups().find(tenantId, groupId).map(this::fullView);
        });
    }

    @Override
    public Page<GroupView> query(TenantId tenantId, GroupQuery query, boolean withMembers) {
        return k.tx(() -> k.store.groups().query(tenantId, query).map(h -> withMembers
                ? k.store.groups().find(tenantId, h.id()).map(this::fullView).orElse(new GroupView(h, Optional.of(List.of())))
                : new GroupView(h, Optional.empty())));
    }

    @Override
    public GroupView replace(ReplaceGroup.Command command) {
        Attributes a = Attributes.of(validator, command.resource().attributes());
        return k.tx(() -> {
            Group current = k.store.groups().find(command.tenantId(), command.groupId())
                    .orElseThrow(() -> notFound(command.groupId()));
            checkIfMatch(current.header(), command.ifMatch());
            Set<UserId> added = new LinkedHashSet<>(a.members());
            added.removeAll(current.members());
            Set<UserId> removed = new LinkedHashSet<>(current.members());
            removed.removeAll(a.members());
            Map<UserId, UserName> names = requireUsers(command.tenantId(), a.members());
            GroupHeader after = write(current.header(), a.displayName(), a.externalId(), added, removed,
                    command.actor());
            return new GroupView(after, Optional.of(members(names)));
        });
    }

    @Override
    public GroupView patch(PatchGroup.Command c) {
        for (int attempt = 1; ; attempt++) {
            try {
                return k.tx(() -> patchOnce(c));
            } catch (ScimException e) {
                if (e.type() != ScimErrorType.PRECONDITION_FAILED || c.ifMatch().isPresent()
                        || attempt >= PatchService.ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private GroupView patchOnce(PatchGroup.Command c) {
        GroupHeader header = k.store.groups().findHeader(c.tenantId(), c.groupId())
                .orElseThrow(() -> notFound(c.groupId()));
        checkIfMatch(header, c.ifMatch());
        Optional<MembershipChange> delta = MembershipChange.of(c.request().operations());
        Attributes patched;
        Set<UserId> added;
        Set<UserId> removed;
        if (delta.isPresent()) {
            List<PatchOperation> ops = delta.get().attributeOperations();
            ComplexValue view = new GroupView(header, Optional.empty()).toScim();
            patched = Attributes.of(validator, ops.isEmpty() ? view : engine.apply(view, ops));
            Set<UserId> replacement = delta.get().replacement().orElse(null);
            if (replacement != null) {
                Set<UserId> current = k.store.groups().find(c.tenantId(), c.groupId()).orElseThrow().members();
                Set<UserId> target = new LinkedHashSet<>(replacement);
                target.addAll(delta.get().added());
                target.removeAll(delta.get().removed());
                added = new LinkedHashSet<>(target);
                added.removeAll(current);
                removed = new LinkedHashSet<>(current);
                removed.removeAll(target);
            } else {
                Set<UserId> named = new HashSet<>(delta.get().added());
                named.addAll(delta.get().removed());
                Set<UserId> present = named.isEmpty() ? Set.of()
                        : k.store.groups().membersAmong(c.tenantId(), c.groupId(), named);
                added = new LinkedHashSet<>(delta.get().added());
                added.removeAll(present);
                removed = new LinkedHashSet<>(delta.get().removed());
                removed.retainAll(present);
            }
        } else {
            Group current = k.store.groups().find(c.tenantId(), c.groupId()).orElseThrow(() -> notFound(c.groupId()));
            ComplexValue view = fullView(current).toScim();
            patched = Attributes.of(validator, engine.apply(view, c.request()));
            added = new LinkedHashSet<>(patched.members());
            added.removeAll(current.members());
            removed = new LinkedHashSet<>(current.members());
            removed.removeAll(patched.members());
        }
        requireUsers(c.tenantId(), added);
        GroupHeader after = write(header, patched.displayName(), patched.externalId(), added, removed, c.actor());
        if (!c.withMembers()) {
            return new GroupView(after, Optional.empty());
        }
        return fullView(k.store.groups().find(c.tenantId(), c.groupId()).orElseThrow());
    }

    @Override
    public void delete(DeleteGroup.Command command) {
        k.tx(() -> {
            GroupHeader header = k.store.groups().findHeader(command.tenantId(), command.groupId())
                    .orElseThrow(() -> notFound(command.groupId()));
            checkIfMatch(header, command.ifMatch());
            k.store.groups().delete(command.tenantId(), command.groupId());
            audit(header, command.actor(), AuditAction.GROUP_DELETED, k.now(), header.displayName());
            return null;
        });
    }

    /**
     * Stores a change of a group: nothing when there is none; else the header at the next version
     * (compare-and-set on {@code before}'s version), then the membership delta, then the audit.
     */
    private GroupHeader write(GroupHeader before, String displayName, Optional<String> externalId,
                              Set<UserId> added, Set<UserId> removed, Actor actor) {
        boolean renamed = !before.hasAttributes(displayName, externalId);
        if (!renamed && added.isEmpty() && removed.isEmpty()) {
            return before;
        }
        Instant now = k.now();
        GroupHeader after = renamed ? before.withAttributes(displayName, externalId, now) : before.touched(now);
        WriteOutcome outcome = k.store.groups().update(after, before.version());
        switch (outcome) {
            case WRITTEN:
                break;
            case NOT_UNIQUE:
                throw ScimException.uniqueness("displayName \"" + displayName + "\" is taken");
            case STALE_VERSION:
                throw ScimException.preconditionFailed("The group has changed; its version is no longer "
                        + before.version().etag());
            case NOT_FOUND:
                throw notFound(before.id());
            default:
                throw new IllegalStateException("unexpected outcome " + outcome);
        }
        if (!removed.isEmpty()) {
            k.store.groups().removeMembers(before.tenantId(), before.id(), removed);
        }
        if (!added.isEmpty()) {
            k.store.groups().addMembers(before.tenantId(), before.id(), added);
        }
        if (renamed) {
            audit(after, actor, AuditAction.GROUP_UPDATED, now, displayName);
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            audit(after, actor, AuditAction.GROUP_MEMBERS_CHANGED, now,
                    "+" + added.size() + " -" + removed.size());
        }
        return after;
    }

    /**
     * The userNames of {@code ids}, all of which must be users of the tenant (one read per few
     * hundred ids): otherwise {@code invalidValue} naming the first few that are not, and saying so
     * when one is a group.
     */
    private Map<UserId, UserName> requireUsers(TenantId tenant, Set<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UserId, UserName> names = k.store.users().userNames(tenant, ids);
        if (names.size() == ids.size()) {
            return names;
        }
        List<String> unknown = new ArrayList<>();
        for (UserId id : ids) {
            if (!names.containsKey(id)) {
                unknown.add(id.value());
            }
        }
        List<String> named = unknown.subList(0, Math.min(NAMED_IN_ERROR, unknown.size()));
        for (String id : named) {
            if (k.store.groups().findHeader(tenant, GroupId.of(id)).isPresent()) {
                throw ScimException.invalidValue("The member \"" + id + "\" is a group; groups cannot be members"
                        + " of groups here, \"members\" holds users of the tenant only");
            }
        }
        throw ScimException.invalidValue((unknown.size() == 1 ? "The member " : unknown.size() + " members, e.g. ")
                + String.join(", ", named.stream().map(i -> "\"" + i + "\"").toList())
                + (unknown.size() == 1 ? " is not a user" : ", are not users") + " of this tenant");
    }

    private GroupView fullView(Group group) {
        Map<UserId, UserName> names = k.store.users().userNames(group.tenantId(), group.members());
        return new GroupView(group.header(), Optional.of(members(names)));
    }

    /** Members in {@code userName} order (ignoring case), then by id. */
    private static List<GroupMember> members(Map<UserId, UserName> names) {
        List<GroupMember> out = new ArrayList<>(names.size());
        names.forEach((id, name) -> out.add(new GroupMember(id, name)));
        out.sort(Comparator.comparing((GroupMember m) -> m.userName().key()).thenComparing(m -> m.id().value()));
        return out;
    }

    private static void checkIfMatch(GroupHeader group, Optional<Version> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(group.version())) {
            throw ScimException.preconditionFailed("The group has changed; its version is now "
                    + group.version().etag());
        }
    }

    private static ScimException notFound(GroupId id) {
        return ScimException.notFound("Group " + id + " not found");
    }

    private void audit(GroupHeader group, Actor actor, AuditAction action, Instant at, String detail) {
        k.store.auditLog().append(new AuditEntry(k.ids.next(), group.tenantId(), actor, action, "group:" + group.id(),
                at, detail));
    }
}
