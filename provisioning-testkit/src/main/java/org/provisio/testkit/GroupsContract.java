package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserWithGroups;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;

/**
 * The contract of {@link org.provisio.domain.port.Groups}: storage, case-insensitive
 * {@code displayName} uniqueness (also under a race), versions, membership deltas, queries and the
 * {@link org.provisio.domain.port.Users#userNames} lookup that membership checks rely on.
 */
public abstract class GroupsContract extends StoreContract {
    private UserId alice;
    private UserId bob;
    private UserId carol;

    /** Adds a group with members; for other suites that need memberships. */
    public static Group addGroup(Store store, TenantId tenant, String id, String displayName, UserId member,
                                 Instant at) {
        Group group = Group.create(GroupId.of(id), tenant, displayName, Optional.empty(), Set.of(member), at);
        assertThat(store.groups().add(group)).isEqualTo(WriteOutcome.WRITTEN);
        return group;
    }

    @BeforeEach
    void seedUsers() {
        alice = addUser("alice");
        bob = addUser("bob");
        carol = addUser("carol");
    }

    private UserId addUser(String name) {
        User u = user(name);
        assertThat(store.users().add(u)).isEqualTo(WriteOutcome.WRITTEN);
        return u.id();
    }

    private Group group(String id, String displayName, Optional<String> externalId, UserId... members) {
        return Group.create(GroupId.of(id), tenant, displayName, externalId, Set.of(members), clock.instant());
    }

    @Test
    void storesFindsAndDeletesGroupsPerTenant() {
        Group group = group("g1", "Admins", Optional.of("ext-g"), alice, bob);

        assertThat(store.groups().add(group)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.groups().add(group(group.id().value(), "Other name", Optional.empty())))
                .isEqualTo(WriteOutcome.NOT_UNIQUE);
        assertThat(store.groups().find(tenant, group.id())).contains(group);
        assertThat(store.groups().findHeader(tenant, group.id())).contains(group.header());
        assertThat(store.groups().find(otherTenant, group.id())).isEmpty();
        assertThat(store.groups().findHeader(otherTenant, group.id())).isEmpty();

        assertThat(store.groups().delete(tenant, group.id())).isTrue();
        assertThat(store.groups().delete(tenant, group.id())).isFalse();
        assertThat(store.groups().find(tenant, group.id())).isEmpty();
    }

    @Test
    void displayNameIsUniquePerTenantIgnoringCase() {
        Group admins = group("g1", "Admins", Optional.empty());
        store.groups().add(admins);

        assertThat(store.groups().add(group("g2", "ADMINS", Optional.empty()))).isEqualTo(WriteOutcome.NOT_UNIQUE);
        assertThat(store.groups().add(Group.create(GroupId.of("g2"), otherTenant, "Admins", Optional.empty(), Set.of(),
                T0))).isEqualTo(WriteOutcome.WRITTEN);
        Group guides = group("g3", "Guides", Optional.empty());
        store.groups().add(guides);
        assertThat(store.groups().update(guides.header().withAttributes("admins", Optional.empty(), T0),
                guides.version())).isEqualTo(WriteOutcome.NOT_UNIQUE);
        assertThat(store.groups().update(admins.header().withAttributes("ADMINS", Optional.empty(), T0),
                admins.version())).isEqualTo(WriteOutcome.WRITTEN);

        store.groups().delete(tenant, admins.id());
        assertThat(store.groups().add(group("g4", "Admins", Optional.empty()))).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void concurrentCreatesOfOneDisplayNameLeaveExactlyOne() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<WriteOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Group g = group("race-" + i, i % 2 == 0 ? "Race" : "RACE", Optional.empty(), alice);
                Callable<WriteOutcome> add = () -> {
                    start.await();
                    return store.groups().add(g);
                };
                outcomes.add(pool.submit(add));
            }
            start.countDown();
            List<WriteOutcome> results = new ArrayList<>();
            for (Future<WriteOutcome> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(o -> o == WriteOutcome.WRITTEN).hasSize(1);
            assertThat(results).filteredOn(o -> o == WriteOutcome.NOT_UNIQUE).hasSize(threads - 1);
            assertThat(store.groups().groupsOf(tenant, alice)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void headerUpdatesApplyOnlyToTheExpectedVersionAndLeaveMembersAlone() {
        Group v1 = addGroup(store, tenant, "g1", "Admins", alice, T0);
        GroupHeader v2 = v1.header().withAttributes("Administrators", Optional.of("ext"), T0.plusSeconds(1));

        assertThat(store.groups().update(v2, Version.of(1))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.groups().update(v1.header().touched(T0), Version.of(1))).isEqualTo(WriteOutcome.STALE_VERSION);
        assertThat(store.groups().find(tenant, v1.id())).contains(Group.of(v2, Set.of(alice)));
        GroupHeader missing = group("nope", "x", Optional.empty()).header();
        assertThat(store.groups().update(missing, Version.initial())).isEqualTo(WriteOutcome.NOT_FOUND);
    }

    @Test
    void membershipChangesByDeltaAndOnlyForTheNamedGroup() {
        store.groups().add(group("g1", "Admins", Optional.empty(), alice));
        store.groups().add(group("g2", "Guides", Optional.empty(), alice, bob));
        GroupId g1 = GroupId.of("g1");

        store.groups().addMembers(tenant, g1, Set.of(alice, bob, carol));
        assertThat(store.groups().find(tenant, g1).orElseThrow().members()).containsExactlyInAnyOrder(alice, bob, carol);
        store.groups().removeMembers(tenant, g1, Set.of(bob, UserId.of("never-a-member")));
        assertThat(store.groups().find(tenant, g1).orElseThrow().members()).containsExactlyInAnyOrder(alice, carol);

        assertThat(store.groups().membersAmong(tenant, g1, Set.of(alice, bob, carol, UserId.of("x"))))
                .containsExactlyInAnyOrder(alice, carol);
        assertThat(store.groups().membersAmong(otherTenant, g1, Set.of(alice))).isEmpty();
        assertThat(store.groups().find(tenant, GroupId.of("g2")).orElseThrow().members())
                .containsExactlyInAnyOrder(alice, bob);
        assertThat(store.groups().groupsOf(tenant, bob)).extracting(GroupHeader::id).containsExactly(GroupId.of("g2"));
    }

    @Test
    void aRolledBackUnitOfWorkUndoesMembershipDeltas() {
        store.groups().add(group("g1", "Admins", Optional.empty(), alice, bob));
        GroupId g1 = GroupId.of("g1");

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.groups().removeMembers(tenant, g1, Set.of(alice));
            store.groups().addMembers(tenant, g1, Set.of(carol, bob));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.groups().find(tenant, g1).orElseThrow().members()).containsExactlyInAnyOrder(alice, bob);
        assertThat(store.groups().groupsOf(tenant, alice)).hasSize(1);
        assertThat(store.groups().groupsOf(tenant, carol)).isEmpty();
    }

    @Test
    void groupsOfAUserAreItsDirectGroupsInCreationOrderWithoutMembers() {
        Group admins = addGroup(store, tenant, "g1", "Admins", alice, T0);
        addGroup(store, tenant, "g2", "Others", bob, T0);
        Group guides = addGroup(store, tenant, "g3", "Guides", alice, T0);
        addGroup(store, otherTenant, "g4", "Elsewhere", alice, T0);

        assertThat(store.groups().groupsOf(tenant, alice)).containsExactly(admins.header(), guides.header());
        assertThat(store.groups().groupsOf(tenant, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void aUserIsReadWithItsGroupsInCreationOrderInOneCall() {
        Group admins = addGroup(store, tenant, "g1", "Admins", alice, T0);
        addGroup(store, tenant, "g2", "Others", bob, T0);
        Group guides = addGroup(store, tenant, "g3", "Guides", alice, T0);
        addGroup(store, otherTenant, "g4", "Elsewhere", alice, T0);

        UserWithGroups read = store.users().findWithGroups(tenant, alice).orElseThrow();
        assertThat(read.user()).isEqualTo(store.users().find(tenant, alice).orElseThrow());
        assertThat(read.groups()).containsExactly(admins.header(), guides.header());
        assertThat(store.users().findWithGroups(tenant, carol).orElseThrow().groups()).as("no groups").isEmpty();
        assertThat(store.users().findWithGroups(tenant, UserId.of("nobody"))).isEmpty();
        assertThat(store.users().findWithGroups(otherTenant, alice)).as("a user of another tenant").isEmpty();
    }

    @Test
    void groupsOfSeveralUsersAreReadAtOnceInCreationOrder() {
        Group admins = addGroup(store, tenant, "g1", "Admins", alice, T0);
        Group others = addGroup(store, tenant, "g2", "Others", bob, T0);
        store.groups().addMembers(tenant, admins.id(), Set.of(bob));
        addGroup(store, otherTenant, "g3", "Elsewhere", carol, T0);
        List<UserId> many = new ArrayList<>(List.of(alice, bob, carol));
        for (int i = 0; i < 600; i++) {
            many.add(UserId.of("nobody-" + i));
        }

        Map<UserId, List<GroupHeader>> groups = store.groups().groupsOf(tenant, many);

        assertThat(groups).containsOnlyKeys(alice, bob);
        assertThat(groups.get(alice)).containsExactly(admins.header());
        assertThat(groups.get(bob)).extracting(GroupHeader::id).containsExactly(admins.id(), others.id());
        assertThat(store.groups().groupsOf(tenant, List.<UserId>of())).isEmpty();
    }

    @Test
    void removingAMemberEverywhereKeepsTheOtherMembersAndMovesVersions() {
        Group both = group("g1", "Both", Optional.empty(), alice, bob);
        store.groups().add(both);
        addGroup(store, tenant, "g2", "Bob only", bob, T0);
        addGroup(store, otherTenant, "g3", "Elsewhere", alice, T0);
        Instant at = T0.plus(Duration.ofHours(1));

        assertThat(store.groups().removeMemberEverywhere(tenant, alice, at)).isEqualTo(1);

        Group after = store.groups().find(tenant, GroupId.of("g1")).get();
        assertThat(after.members()).containsExactly(bob);
        assertThat(after.version()).isEqualTo(both.version().next());
        assertThat(after.lastModifiedAt()).isEqualTo(at);
        assertThat(store.groups().groupsOf(tenant, alice)).isEmpty();
        assertThat(store.groups().groupsOf(otherTenant, alice)).hasSize(1);
        assertThat(store.groups().find(tenant, GroupId.of("g2")).get().members()).containsExactly(bob);
    }

    @Test
    void deletingAGroupRemovesItsMembershipsButNeverItsUsers() {
        store.groups().add(group("g1", "Admins", Optional.empty(), alice, bob));

        store.groups().delete(tenant, GroupId.of("g1"));

        assertThat(store.groups().groupsOf(tenant, alice)).isEmpty();
        assertThat(store.users().find(tenant, alice)).isPresent();
        assertThat(store.users().find(tenant, bob)).isPresent();
        assertThat(store.groups().add(group("g1", "Admins", Optional.empty()))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.groups().find(tenant, GroupId.of("g1")).orElseThrow().members()).isEmpty();
    }

    @Test
    void userNamesNameOnlyStoredUsersOfTheTenant() {
        User stranger = user(otherTenant, "stranger", pending(), org.provisio.scim.resource.ComplexValue.EMPTY);
        store.users().add(stranger);
        List<UserId> many = new ArrayList<>(List.of(alice, bob, stranger.id(), UserId.of("ghost")));
        for (int i = 0; i < 1200; i++) {
            many.add(UserId.of("ghost-" + i));
        }

        assertThat(store.users().userNames(tenant, many)).containsOnlyKeys(alice, bob)
                .containsEntry(alice, store.users().find(tenant, alice).orElseThrow().userName());
        assertThat(store.users().userNames(tenant, List.of())).isEmpty();
    }

    // ---- queries ------------------------------------------------------------------------------

    private void seedGroups() {
        store.groups().add(group("q1", "Sales", Optional.of("ext-Sales"), alice, bob));
        clock.advance(Duration.ofMinutes(1));
        store.groups().add(group("q2", "Engineering", Optional.of("EXT-2"), bob));
        clock.advance(Duration.ofMinutes(1));
        store.groups().add(group("q3", "sales-emea", Optional.empty()));
        store.groups().add(Group.create(GroupId.of("q4"), otherTenant, "Sales", Optional.of("ext-Sales"), Set.of(),
                T0));
    }

    /** Filter → the ids of the matching groups of {@code tenant}, in creation order. */
    static Stream<Arguments> filterTable() {
        return Stream.of(
                Arguments.of("displayName eq \"Sales\"", List.of("q1")),
                Arguments.of("displayName eq \"SALES\"", List.of("q1")),
                Arguments.of("DISPLAYNAME eq \"engineering\"", List.of("q2")),
                Arguments.of("displayName eq \"Nobody\"", List.of()),
                Arguments.of("displayName sw \"sales\"", List.of("q1", "q3")),
                Arguments.of("externalId eq \"ext-Sales\"", List.of("q1")),
                Arguments.of("externalId eq \"EXT-SALES\"", List.of()),
                Arguments.of("externalId pr", List.of("q1", "q2")),
                Arguments.of("id eq \"q2\"", List.of("q2")),
                Arguments.of("members.value eq \"@bob\"", List.of("q1", "q2")),
                Arguments.of("members[value eq \"@alice\"]", List.of("q1")),
                Arguments.of("members pr", List.of("q1", "q2")),
                Arguments.of("not (members pr)", List.of("q3")),
                Arguments.of("displayName eq \"Sales\" and members.value eq \"@carol\"", List.of()),
                Arguments.of("displayName eq \"Sales\" or externalId eq \"EXT-2\"", List.of("q1", "q2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterTable")
    void filtersSeeTheGroupsScimView(String filter, List<String> expected) {
        seedGroups();
        String resolved = filter.replace("@alice", alice.value()).replace("@bob", bob.value())
                .replace("@carol", carol.value());

        Page<GroupHeader> page = store.groups().query(tenant, GroupQuery.filtered(Filter.parse(resolved),
                PageRequest.first(50)));

        assertThat(page.items()).extracting(g -> g.id().value()).containsExactlyElementsOf(expected);
        assertThat(page.totalResults()).isEqualTo(expected.size());
    }

    @Test
    void queriesSortAndPage() {
        seedGroups();

        Page<GroupHeader> all = store.groups().query(tenant, GroupQuery.all(PageRequest.of(2, 1)));
        assertThat(all.items()).extracting(g -> g.id().value()).containsExactly("q2");
        assertThat(all.totalResults()).isEqualTo(3);
        Page<GroupHeader> sorted = store.groups().query(tenant, GroupQuery.all(PageRequest.first(10))
                .sortedBy(SortBy.descending(AttributePath.of("displayName"))));
        assertThat(sorted.items()).extracting(g -> g.id().value()).containsExactly("q3", "q1", "q2");
    }
}
