package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.DeleteGroup;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.GroupMember;
import org.provisio.domain.usecase.GroupView;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.ScimResource;

/**
 * The group use cases over a store: every membership form Entra ID and Okta send (whether it
 * becomes a delta or patches the full view, the result must be the same), versions, audit,
 * uniqueness and memberships across the user lifecycle.
 */
public abstract class GroupScenarios extends StoreContract {
    private final Actor entra = new Actor.Credential(TokenId.of("entra"));
    protected Provisioning provisioning;
    private String ann;
    private String ben;
    private String cat;

    @BeforeEach
    void wireTheDomain() {
        provisioning = Provisioning.builder(store).clock(clock).build();
        ann = provisionUser("ann@example.com");
        ben = provisionUser("ben@example.com");
        cat = provisionUser("cat@example.com");
    }

    private String provisionUser(String userName) {
        UserView u = Outcomes.done(provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                ScimResource.of(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"" + userName + "\"}")))));
        return u.user().id().value();
    }

    private GroupView create(String displayName, String... members) {
        return Outcomes.done(tryCreate(displayName, members));
    }

    private Outcome<GroupView> tryCreate(String displayName, String... members) {
        StringBuilder m = new StringBuilder();
        for (String id : members) {
            m.append(m.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return provisioning.createGroup().create(new CreateGroup.Command(tenant, entra, ScimResource.of(
                ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                        + displayName + "\",\"members\":[" + m + "]}"))));
    }

    private GroupView patch(GroupView group, String operations) {
        return Outcomes.done(tryPatch(group, operations));
    }

    private Outcome<GroupView> tryPatch(GroupView group, String operations) {
        return provisioning.patchGroup().patch(new PatchGroup.Command(tenant, group.group().id(), entra,
                PatchRequest.from(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[" + operations + "]}")), Optional.empty(), true));
    }

    private Set<String> members(GroupView group) {
        return provisioning.getGroup().get(tenant, group.group().id(), true).orElseThrow().members().orElseThrow()
                .stream().map(m -> m.id().value()).collect(Collectors.toSet());
    }

    private String resolve(String text) {
        return text.replace("@ann", ann).replace("@ben", ben).replace("@cat", cat);
    }

    /** PATCH operations on a group of {ann, ben} → its members after. */
    static Stream<Arguments> membershipForms() {
        return Stream.of(
                Arguments.of("Entra add of many", "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"@cat\"},{\"value\":\"@ann\"}]}",
                        Set.of("@ann", "@ben", "@cat")),
                Arguments.of("add of one object", "{\"op\":\"add\",\"path\":\"members\",\"value\":{\"value\":\"@cat\"}}",
                        Set.of("@ann", "@ben", "@cat")),
                Arguments.of("Entra remove by value array", "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"@ann\"}]}",
                        Set.of("@ben")),
                Arguments.of("remove by value filter", "{\"op\":\"remove\",\"path\":\"members[value eq \\\"@ben\\\"]\"}",
                        Set.of("@ann")),
                Arguments.of("remove of a non-member", "{\"op\":\"remove\",\"path\":\"members[value eq \\\"@cat\\\"]\"}",
                        Set.of("@ann", "@ben")),
                Arguments.of("remove of all", "{\"op\":\"remove\",\"path\":\"members\"}", Set.of()),
                Arguments.of("replace of members", "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"@cat\"}]}",
                        Set.of("@cat")),
                Arguments.of("replace then add", "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"@cat\"}]},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"@ann\"}]}", Set.of("@ann", "@cat")),
                Arguments.of("add then remove the same", "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"@cat\"}]},"
                        + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"@cat\\\"]\"}", Set.of("@ann", "@ben")),
                Arguments.of("path-less add with members (full view)",
                        "{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"@cat\"}]}}", Set.of("@ann", "@ben", "@cat")),
                Arguments.of("path-less replace with members (full view)",
                        "{\"op\":\"replace\",\"value\":{\"displayName\":\"Team\",\"members\":[{\"value\":\"@cat\"}]}}",
                        Set.of("@cat")),
                Arguments.of("Okta path-less rename", "{\"op\":\"replace\",\"value\":{\"id\":\"other\",\"displayName\":\"Team\"}}",
                        Set.of("@ann", "@ben")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("membershipForms")
    void everyMembershipFormGivesTheSameResult(String name, String operations, Set<String> expected) {
        GroupView group = create("Team", ann, ben);

        GroupView after = patch(group, resolve(operations));

        Set<String> want = expected.stream().map(this::resolve).collect(Collectors.toSet());
        assertThat(members(group)).isEqualTo(want);
        assertThat(after.members().orElseThrow()).extracting(m -> m.id().value()).containsExactlyInAnyOrderElementsOf(want);
        for (String user : List.of(ann, ben, cat)) {
            assertThat(provisioning.getUser().get(tenant, UserId.of(user)).orElseThrow().groups().isEmpty())
                    .isEqualTo(!want.contains(user));
        }
    }

    @Test
    void aChangeMovesTheVersionOnceAndANoOpNotAtAll() {
        GroupView group = create("Team", ann);

        GroupView noOp = patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}");
        GroupView both = patch(group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Crew\"},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ben + "\"}]}");

        assertThat(noOp.group().version()).isEqualTo(group.group().version());
        assertThat(both.group().version()).isEqualTo(group.group().version().next());
        assertThat(both.group().displayName()).isEqualTo("Crew");
        assertThat(both.members().orElseThrow()).extracting(GroupMember::id)
                .containsExactlyInAnyOrder(UserId.of(ann), UserId.of(ben));
    }

    @Test
    void writesAreAudited() {
        GroupView group = create("Team", ann);
        patch(group, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Crew\"}");
        patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ben + "\"}]}");
        provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, group.group().id(), entra, Optional.empty()));

        List<AuditEntry> entries = store.auditLog().read(tenant, PageRequest.first(100)).items().stream()
                .filter(e -> e.target().equals("group:" + group.group().id())).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.GROUP_DELETED,
                AuditAction.GROUP_MEMBERS_CHANGED, AuditAction.GROUP_UPDATED, AuditAction.GROUP_CREATED);
        assertThat(entries.get(1).detail()).isEqualTo("+1 -0");
    }

    @Test
    void displayNamesAreUniqueIgnoringCaseAndMembersMustBeUsersOfTheTenant() {
        GroupView team = create("Team", ann);

        assertThat(tryCreate("TEAM")).isEqualTo(Outcome.refused(new Refusal.NotUnique("displayName", "TEAM")));
        assertThat(scimError(() -> create("Other", "ghost"))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(scimError(() -> create("Other", team.group().id().value()))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(scimError(() -> patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}")))
                .isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(members(team)).containsExactly(ann);
    }

    @Test
    void membershipsFollowTheUserLifecycleAndGroupsNeverTakeUsersAlong() {
        GroupView team = create("Team", ann, ben);
        PatchRequest suspend = PatchRequest.from(ScimJson.readObject("{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"active\",\"value\":false}]}"));

        Outcomes.done(provisioning.patchUser().patch(new PatchUser.Command(tenant, UserId.of(ann), entra, suspend,
                Optional.empty())));
        assertThat(members(team)).containsExactlyInAnyOrder(ann, ben);
        Outcomes.done(provisioning.deleteUser().delete(new DeleteUser.Command(tenant, UserId.of(ann), entra,
                Optional.empty())));
        assertThat(members(team)).containsExactly(ben);
        assertThat(Outcomes.done(provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, team.group().id(),
                entra, Optional.empty())))).isEqualTo(team.group().id());

        assertThat(provisioning.getGroup().get(tenant, team.group().id(), false)).isEmpty();
        assertThat(provisioning.getUser().get(tenant, UserId.of(ben))).isPresent();
        assertThat(provisioning.getGroup().get(tenant, GroupId.of("nope"), true)).isEmpty();
    }

    @Test
    void refusedGroupChangesChangeNothing() {
        GroupView team = create("Team", ann);
        create("Crew", ben);
        GroupId ghost = GroupId.of("ghost");
        long audits = store.auditLog().read(tenant, PageRequest.first(0)).totalResults();

        assertThat(tryPatch(team, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"CREW\"},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cat + "\"}]}"))
                .isEqualTo(Outcome.refused(new Refusal.NotUnique("displayName", "CREW")));
        assertThat(provisioning.replaceGroup().replace(new ReplaceGroup.Command(tenant, team.group().id(), entra,
                ScimResource.of(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                        + "\"displayName\":\"crew\",\"members\":[{\"value\":\"" + cat + "\"}]}")), Optional.empty())))
                .isEqualTo(Outcome.refused(new Refusal.NotUnique("displayName", "crew")));
        assertThat(provisioning.patchGroup().patch(new PatchGroup.Command(tenant, team.group().id(), entra,
                PatchRequest.from(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cat
                        + "\"}]}]}")), Optional.of(Version.of(7)), true)))
                .isEqualTo(Outcome.refused(new Refusal.VersionMismatch(Version.of(1))));
        assertThat(provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, team.group().id(), entra,
                Optional.of(Version.of(2))))).isEqualTo(Outcome.refused(new Refusal.VersionMismatch(Version.of(1))));
        assertThat(provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, ghost, entra, Optional.empty())))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("group", "ghost")));
        assertThat(provisioning.patchGroup().patch(new PatchGroup.Command(tenant, ghost, entra,
                PatchRequest.from(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}]}")),
                Optional.empty(), false))).isEqualTo(Outcome.refused(new Refusal.NotFound("group", "ghost")));

        GroupView after = provisioning.getGroup().get(tenant, team.group().id(), true).orElseThrow();
        assertThat(after.group()).isEqualTo(team.group());
        assertThat(members(team)).containsExactly(ann);
        assertThat(store.auditLog().read(tenant, PageRequest.first(0)).totalResults()).isEqualTo(audits);
    }

    @Test
    void creatingAGroupInAnUnknownTenantIsRefused() {
        assertThat(provisioning.createGroup().create(new CreateGroup.Command(
                TenantId.of("nowhere"), entra, ScimResource.of(ScimJson.readObject(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Team\"}")))))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("tenant", "nowhere")));
    }

    @Test
    void addingAMemberWhileTheUserIsHardDeletedNeverLeavesAMembershipOfNobody() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String doomed = provisionUser("doomed-" + round + "@example.com");
                GroupView team = create("Team " + round, ann);
                CountDownLatch go = new CountDownLatch(1);
                Future<Object> add = pool.submit(() -> {
                    go.await();
                    try {
                        return tryPatch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                                + doomed + "\"}]}");
                    } catch (ScimException e) {
                        return e.type();
                    }
                });
                Future<Outcome<UserId>> delete = pool.submit(() -> {
                    go.await();
                    return provisioning.deleteUser().delete(new DeleteUser.Command(tenant, UserId.of(doomed), entra,
                            Optional.empty()));
                });
                go.countDown();
                Object added = add.get(30, TimeUnit.SECONDS);

                assertThat(delete.get(30, TimeUnit.SECONDS).isDone()).isTrue();
                GroupView after = provisioning.getGroup().get(tenant, team.group().id(), true).orElseThrow();
                assertThat(members(team)).as("round %d", round).containsExactly(ann);
                if (added instanceof Outcome<?> outcome) {
                    assertThat(outcome.isDone()).as("round %d: %s", round, outcome).isTrue();
                    assertThat(after.group().version()).as("added, then removed by the delete").isEqualTo(Version.of(3));
                } else {
                    assertThat(added).as("round %d: the user was gone first", round)
                            .isEqualTo(ScimErrorType.INVALID_VALUE);
                    assertThat(after.group().version()).isEqualTo(Version.of(1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The group's events in the outbox, oldest first. */
    private List<GroupEvent> events(GroupView group) {
        return store.outbox().list(Optional.of(tenant), java.util.EnumSet.allOf(OutboxMessage.State.class), 100_000)
                .stream().map(GroupEvent::of).flatMap(Optional::stream)
                .filter(e -> e.groupId().equals(group.group().id())).toList();
    }

    private Version userVersion(String id) {
        return provisioning.getUser().get(tenant, UserId.of(id)).orElseThrow().version();
    }

    @Test
    void everyGroupChangeIsAnEventInOrder() {
        GroupView team = create("Team", ann, ben);
        patch(team, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Crew\"}");
        patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cat + "\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}");
        patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cat + "\"}]}");
        Outcomes.done(provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, team.group().id(), entra,
                Optional.empty())));

        List<GroupEvent> events = events(team);
        assertThat(events).extracting(GroupEvent::type).containsExactly(GroupEvent.Type.CREATED,
                GroupEvent.Type.MEMBERS_CHANGED, GroupEvent.Type.UPDATED, GroupEvent.Type.MEMBERS_CHANGED,
                GroupEvent.Type.MEMBERS_CHANGED, GroupEvent.Type.DELETED);
        assertThat(events.get(0).displayName()).hasValue("Team");
        assertThat(events.get(1).added()).extracting(UserId::value).containsExactlyInAnyOrder(ann, ben);
        assertThat(events.get(2).displayName()).hasValue("Crew");
        assertThat(events.get(3).added()).extracting(UserId::value).containsExactly(cat);
        assertThat(events.get(4).removed()).extracting(UserId::value).containsExactly(ann);
        assertThat(events.get(5).displayName()).isEmpty();
        assertThat(events).extracting(GroupEvent::tenantId).containsOnly(tenant);
    }

    @Test
    void aLargeMembershipChangeComesInEventsOfBoundedSize() {
        StringBuilder many = new StringBuilder();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < GroupEvent.MAX_MEMBERS_PER_EVENT + 20; i++) {
            String id = provisionUser("member" + i + "@example.com");
            ids.add(id);
            many.append(many.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        GroupView big = create("Big");
        patch(big, "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + many + "]}");

        List<GroupEvent> changes = events(big).stream().filter(e -> e.type() == GroupEvent.Type.MEMBERS_CHANGED).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).added()).hasSize(GroupEvent.MAX_MEMBERS_PER_EVENT);
        assertThat(changes.stream().flatMap(e -> e.added().stream()).map(UserId::value))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    /** RFC 7643 §3.1: {@code meta.version} changes whenever the resource does; a user's groups are part of it. */
    @Test
    void aUsersVersionMovesWhenItsGroupsChange() {
        Version annBefore = userVersion(ann);
        Version catBefore = userVersion(cat);
        GroupView team = create("Team", ann);
        Version annAdded = userVersion(ann);
        assertThat(annAdded.value()).isGreaterThan(annBefore.value());
        assertThat(userVersion(cat)).isEqualTo(catBefore);

        patch(team, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Crew\"}");
        Version annRenamed = userVersion(ann);
        assertThat(annRenamed.value()).as("groups[].display changed").isGreaterThan(annAdded.value());

        patch(team, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}");
        Version annRemoved = userVersion(ann);
        assertThat(annRemoved.value()).isGreaterThan(annRenamed.value());

        patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cat + "\"}]}");
        Version catAdded = userVersion(cat);
        Outcomes.done(provisioning.deleteGroup().delete(new DeleteGroup.Command(tenant, team.group().id(), entra,
                Optional.empty())));
        assertThat(userVersion(cat).value()).as("the group it was in is gone").isGreaterThan(catAdded.value());
        assertThat(userVersion(ann)).as("not a member any more").isEqualTo(annRemoved);
        assertThat(userVersion(ben)).isEqualTo(Version.of(1));
    }

    private static ScimErrorType scimError(Runnable action) {
        ScimException e = catchThrowableOfType(ScimException.class, action::run);
        assertThat(e).as("a ScimException").isNotNull();
        return e.type();
    }
}
