package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.WriteOutcome;

/** The contract of {@link org.provisio.domain.port.Groups}: storage, versions and memberships. */
public abstract class GroupsContract extends StoreContract {
    private final UserId alice = UserId.of("alice");
    private final UserId bob = UserId.of("bob");

    /** Adds a group with members; for other suites that need memberships. */
    public static Group addGroup(Store store, TenantId tenant, String id, String displayName, UserId member,
                                 Instant at) {
        Group group = Group.create(GroupId.of(id), tenant, displayName, Optional.empty(), Set.of(member), at);
        assertThat(store.groups().add(group)).isEqualTo(WriteOutcome.WRITTEN);
        return group;
    }

    @Test
    void storesFindsAndDeletesGroupsPerTenant() {
        Group group = Group.create(GroupId.of("g1"), tenant, "Admins", Optional.of("ext-g"), Set.of(alice, bob), T0);

        assertThat(store.groups().add(group)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.groups().add(group)).isEqualTo(WriteOutcome.NOT_UNIQUE);
        assertThat(store.groups().find(tenant, group.id())).contains(group);
        assertThat(store.groups().find(otherTenant, group.id())).isEmpty();

        assertThat(store.groups().delete(tenant, group.id())).isTrue();
        assertThat(store.groups().delete(tenant, group.id())).isFalse();
        assertThat(store.groups().find(tenant, group.id())).isEmpty();
    }

    @Test
    void updatesApplyOnlyToTheExpectedVersion() {
        Group v1 = addGroup(store, tenant, "g1", "Admins", alice, T0);
        Group v2 = v1.withMembers(Set.of(alice, bob), T0.plusSeconds(1));

        assertThat(store.groups().update(v2, Version.of(1))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.groups().update(v1.withMembers(Set.of(), T0), Version.of(1)))
                .isEqualTo(WriteOutcome.STALE_VERSION);
        assertThat(store.groups().find(tenant, v1.id())).contains(v2);
        Group missing = Group.create(GroupId.of("nope"), tenant, "x", Optional.empty(), Set.of(), T0);
        assertThat(store.groups().update(missing, Version.initial())).isEqualTo(WriteOutcome.NOT_FOUND);
    }

    @Test
    void groupsOfAUserAreItsDirectGroupsInCreationOrder() {
        Group admins = addGroup(store, tenant, "g1", "Admins", alice, T0);
        addGroup(store, tenant, "g2", "Others", bob, T0);
        Group guides = addGroup(store, tenant, "g3", "Guides", alice, T0);
        addGroup(store, otherTenant, "g4", "Elsewhere", alice, T0);

        assertThat(store.groups().groupsOf(tenant, alice)).containsExactly(admins, guides);
        assertThat(store.groups().groupsOf(tenant, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void removingAMemberEverywhereKeepsTheOtherMembersAndMovesVersions() {
        Group both = store.groups().find(tenant, addGroup(store, tenant, "g1", "Both", alice, T0).id()).get();
        Group withBob = both.withMembers(Set.of(alice, bob), T0);
        store.groups().update(withBob, both.version());
        addGroup(store, tenant, "g2", "Bob only", bob, T0);
        addGroup(store, otherTenant, "g3", "Elsewhere", alice, T0);
        Instant at = T0.plus(Duration.ofHours(1));

        assertThat(store.groups().removeMemberEverywhere(tenant, alice, at)).isEqualTo(1);

        Group after = store.groups().find(tenant, GroupId.of("g1")).get();
        assertThat(after.members()).containsExactly(bob);
        assertThat(after.version()).isEqualTo(withBob.version().next());
        assertThat(after.lastModifiedAt()).isEqualTo(at);
        assertThat(store.groups().groupsOf(tenant, alice)).isEmpty();
        assertThat(store.groups().groupsOf(otherTenant, alice)).hasSize(1);
        assertThat(store.groups().find(tenant, GroupId.of("g2")).get().members()).containsExactly(bob);
    }
}
