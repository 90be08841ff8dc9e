package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/** The contract of {@link org.provisio.domain.port.Users}: storage, versions, uniqueness, status and purge queries. */
public abstract class UsersContract extends StoreContract {

    @Test
    void storesAndFindsAUserAsItWasGiven() {
        User user = user(tenant, "bjensen", new Active(T0),
                ComplexValue.of("title", StringValue.of("Tour Guide")))
                .withAttributes(UserName.of("bjensen"), Optional.of("ext-1"),
                        ScimResource.of(ComplexValue.of("title", StringValue.of("Tour Guide"))), T0);

        assertThat(store.users().add(user)).isEqualTo(WriteOutcome.WRITTEN);

        assertThat(store.users().find(tenant, user.id())).contains(user);
        assertThat(store.users().find(otherTenant, user.id())).isEmpty();
        assertThat(store.users().find(tenant, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void findsByUserNameIgnoringCaseWithinTheTenant() {
        User user = user("BJensen@Example.com");
        store.users().add(user);

        assertThat(store.users().findByUserName(tenant, UserName.of("bjensen@example.COM"))).contains(user);
        assertThat(store.users().findByUserName(otherTenant, UserName.of("bjensen@example.com"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
            "bjensen, bjensen, NOT_UNIQUE",
            "bjensen, BJENSEN, NOT_UNIQUE",
            "Straße@x, straße@X, NOT_UNIQUE",
            "straße, STRASSE, NOT_UNIQUE",
            "ασ, ας, NOT_UNIQUE",
            "ΟΔΥΣΣΈΑΣ, Οδυσσέας, NOT_UNIQUE",
            "ınci, INCI, NOT_UNIQUE",
            "José, Jose\u0301, NOT_UNIQUE",
            "İpek, ipek, WRITTEN",
            "José, Jose, WRITTEN",
            "bjensen, bjensen2, WRITTEN",
            "bjensen, ' bjensen', WRITTEN"
    })
    void userNamesAreUniquePerTenantIgnoringCase(String first, String second, WriteOutcome expected) {
        store.users().add(user(first));

        assertThat(store.users().add(user(second))).isEqualTo(expected);
        assertThat(store.users().add(user(otherTenant, second, pending(), ComplexValue.EMPTY)))
                .isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void aSuspendedUserKeepsItsNameTaken() {
        store.users().add(user(tenant, "bjensen", new Suspended.FromActive(T0, T0.plus(Retention.DEFAULT.period())),
                ComplexValue.EMPTY));

        assertThat(store.users().add(user("BJensen"))).isEqualTo(WriteOutcome.NOT_UNIQUE);
    }

    @Test
    void anIdIsNotReused() {
        User user = user("a");
        store.users().add(user);
        User sameId = new User(user.id(), tenant, UserName.of("b"), Optional.empty(), user.profile(), user.state(),
                Version.initial(), T0, T0);

        assertThat(store.users().add(sameId)).isEqualTo(WriteOutcome.NOT_UNIQUE);
    }

    @Test
    void updatesApplyOnlyToTheExpectedVersion() {
        User v1 = user("bjensen");
        store.users().add(v1);
        clock.advance(Duration.ofMinutes(1));
        User v2 = v1.withState(new Active(clock.instant()), clock.instant());

        assertThat(store.users().update(v2, Version.of(1))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.users().find(tenant, v1.id())).contains(v2);
        assertThat(v2.version()).isEqualTo(Version.of(2));

        User stale = v1.withAttributes(UserName.of("other"), Optional.empty(), v1.profile(), clock.instant());
        assertThat(store.users().update(stale, Version.of(1))).isEqualTo(WriteOutcome.STALE_VERSION);
        assertThat(store.users().find(tenant, v1.id())).contains(v2);
        assertThat(store.users().findByUserName(tenant, UserName.of("other"))).isEmpty();
    }

    @Test
    void updatingAMissingUserReportsNotFound() {
        User ghost = user("ghost");

        assertThat(store.users().update(ghost.withState(new Active(T0), T0), Version.initial()))
                .isEqualTo(WriteOutcome.NOT_FOUND);
    }

    @Test
    void renamesMoveTheUniqueNameAndRefuseTakenOnes() {
        User a = user("alice");
        User b = user("bob");
        store.users().add(a);
        store.users().add(b);

        User onto = b.withAttributes(UserName.of("ALICE"), Optional.empty(), b.profile(), T0);
        assertThat(store.users().update(onto, b.version())).isEqualTo(WriteOutcome.NOT_UNIQUE);
        assertThat(store.users().find(tenant, b.id())).contains(b);

        User recased = a.withAttributes(UserName.of("Alice"), Optional.empty(), a.profile(), T0);
        assertThat(store.users().update(recased, a.version())).isEqualTo(WriteOutcome.WRITTEN);

        User renamed = b.withAttributes(UserName.of("robert"), Optional.empty(), b.profile(), T0);
        assertThat(store.users().update(renamed, b.version())).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.users().add(user("bob"))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.users().add(user("Robert"))).isEqualTo(WriteOutcome.NOT_UNIQUE);
    }

    @Test
    void deleteRemovesTheUserAndFreesItsName() {
        User user = user("bjensen");
        store.users().add(user);

        assertThat(store.users().delete(tenant, user.id())).isTrue();
        assertThat(store.users().delete(tenant, user.id())).isFalse();
        assertThat(store.users().find(tenant, user.id())).isEmpty();
        assertThat(store.users().add(user("BJENSEN"))).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void concurrentAddsOfOneUserNameLetExactlyOneWin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WriteOutcome>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                User candidate = user(i % 2 == 0 ? "race@example.com" : "RACE@example.com");
                Callable<WriteOutcome> add = () -> {
                    start.await();
                    return store.users().add(candidate);
                };
                results.add(pool.submit(add));
            }
            start.countDown();
            List<WriteOutcome> outcomes = new ArrayList<>();
            for (Future<WriteOutcome> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).containsOnlyOnce(WriteOutcome.WRITTEN);
            assertThat(outcomes).filteredOn(o -> o == WriteOutcome.NOT_UNIQUE).hasSize(threads - 1);
            assertThat(store.users().listByStatus(tenant, Optional.empty(), PageRequest.first(10)).totalResults())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listsByStatusInCreationOrderWithPaging() {
        User p1 = user("p1");
        User a1 = user(tenant, "a1", new Active(T0), ComplexValue.EMPTY);
        User p2 = user("p2");
        User s1 = user(tenant, "s1", new Suspended.NeverInvited(T0, T0.plusSeconds(60)), ComplexValue.EMPTY);
        for (User u : List.of(p1, a1, p2, s1)) {
            store.users().add(u);
        }
        store.users().add(user(otherTenant, "p3", pending(), ComplexValue.EMPTY));

        Page<User> pending = store.users().listByStatus(tenant, Optional.of(UserStatus.PENDING), PageRequest.first(10));
        assertThat(pending.items()).containsExactly(p1, p2);
        assertThat(pending.totalResults()).isEqualTo(2);

        Page<User> all = store.users().listByStatus(tenant, Optional.empty(), PageRequest.of(2, 2));
        assertThat(all.items()).containsExactly(a1, p2);
        assertThat(all.totalResults()).isEqualTo(4);
        assertThat(all.startIndex()).isEqualTo(2);

        assertThat(store.users().listByStatus(tenant, Optional.of(UserStatus.SUSPENDED), PageRequest.first(10)).items())
                .containsExactly(s1);
    }

    @Test
    void dueForPurgeIsInclusiveOfNowAcrossTenantsOldestFirstAndLimited() {
        User late = user(tenant, "late", new Suspended.FromActive(T0, T0.plusSeconds(30)), ComplexValue.EMPTY);
        User early = user(otherTenant, "early", new Suspended.FromPending(T0, T0.plusSeconds(10)), ComplexValue.EMPTY);
        User exact = user(tenant, "exact", new Suspended.NeverInvited(T0, T0.plusSeconds(20)), ComplexValue.EMPTY);
        User future = user(tenant, "future", new Suspended.FromActive(T0, T0.plusSeconds(31)), ComplexValue.EMPTY);
        User active = user(tenant, "active", new Active(T0), ComplexValue.EMPTY);
        for (User u : List.of(late, early, exact, future, active)) {
            store.users().add(u);
        }

        assertThat(store.users().dueForPurge(T0.plusSeconds(30), 10)).containsExactly(early, exact, late);
        assertThat(store.users().dueForPurge(T0.plusSeconds(30), 2)).containsExactly(early, exact);
        assertThat(store.users().dueForPurge(T0.plusSeconds(9), 10)).isEmpty();
    }

    @Test
    void touchingMovesTheVersionOfTheUsersNamedOnly() {
        User ann = user("ann");
        User bob = user("bob");
        store.users().add(ann);
        store.users().add(bob);
        User elsewhere = user(otherTenant, "ann", pending(), ComplexValue.EMPTY);
        store.users().add(elsewhere);
        java.time.Instant later = T0.plusSeconds(90);

        int touched = store.users().touch(tenant, List.of(ann.id(), UserId.of("nobody"), elsewhere.id()), later);

        User after = store.users().find(tenant, ann.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(ann.version().next());
        assertThat(after.lastModifiedAt()).isEqualTo(later);
        assertThat(after.profile()).isEqualTo(ann.profile());
        assertThat(after.userName()).isEqualTo(ann.userName());
        assertThat(touched).as("unknown ids and other tenants' users are passed over").isEqualTo(1);
        assertThat(store.users().find(tenant, bob.id()).orElseThrow().version()).isEqualTo(bob.version());
        assertThat(store.users().find(otherTenant, elsewhere.id()).orElseThrow().version()).isEqualTo(elsewhere.version());
        assertThat(store.users().touch(tenant, List.of(), later)).isZero();
        assertThat(store.users().update(after.touched(later), ann.version()))
                .as("a writer that read before the touch is stale").isEqualTo(WriteOutcome.STALE_VERSION);
    }
}
