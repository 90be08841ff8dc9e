package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.resource.ComplexValue;

/**
 * The row locks of a unit of work: {@link org.provisio.domain.port.Users#lock},
 * {@link org.provisio.domain.port.Users#lockNames} and
 * {@link org.provisio.domain.port.Groups#lockHeader}. A second unit of work that locks what the
 * first holds waits until the first has ended, and then reads what the first committed; that is
 * proven with two threads and latches by what the second reads and in which order things happen,
 * never by how long anything took.
 */
public abstract class RowLocksContract extends StoreContract {
    /** How long a test waits for a thread that must finish; only ever reached when the store deadlocks. */
    private static final long DEADLOCK_GUARD_SECONDS = 30;

    private ExecutorService pool;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /**
     * Runs {@code holder} in a unit of work on one thread; once {@code holder} has taken its locks
     * (it calls the given {@code Runnable}), starts {@code waiter} in a unit of work on another
     * thread, gives it the chance to reach its own lock, and only then lets {@code holder} go on to
     * write and commit. Returns what the waiter returned.
     */
    private <T> T whileHeld(Consumer<Runnable> holder, Supplier<T> waiter) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch waiterStarted = new CountDownLatch(1);
        AtomicReference<Thread> waiterThread = new AtomicReference<>();
        Future<?> first = pool.submit(() -> store.unitOfWork().run(() -> holder.accept(() -> {
            locked.countDown();
            awaitLatch(waiterStarted);
            giveTheWaiterAChance(waiterThread.get());
        })));
        Future<T> second = pool.submit(() -> {
            awaitLatch(locked);
            waiterThread.set(Thread.currentThread());
            waiterStarted.countDown();
            return store.unitOfWork().inTransaction(waiter);
        });
        first.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS);
        return second.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other thread never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Lets the waiting thread get as far as its lock: until it is parked (a store that waits in the
     * JVM) or for a moment (a store that waits in a database). Not an assertion: a waiter that comes
     * late only makes a test prove less, never fail wrongly.
     */
    private static void giveTheWaiterAChance(Thread waiter) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until) {
            Thread.State state = waiter.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private User stored(String userName) {
        User u = user(userName);
        assertThat(store.users().add(u)).isEqualTo(WriteOutcome.WRITTEN);
        return u;
    }

    @Test
    void aSecondWriterOfALockedUserWaitsUntilTheFirstUnitEndsAndSeesItsWrite() throws Exception {
        User kim = stored("kim");

        Version seen = whileHeld(held -> {
            User locked = store.users().lock(tenant, kim.id()).orElseThrow();
            held.run();
            assertThat(store.users().update(locked.withState(new Active(T0), T0), locked.version()))
                    .isEqualTo(WriteOutcome.WRITTEN);
            events.add("first wrote");
        }, () -> {
            User locked = store.users().lock(tenant, kim.id()).orElseThrow();
            events.add("second locked");
            User renamed = locked.withAttributes(UserName.of("kim.lee"), Optional.empty(), locked.profile(), T0);
            assertThat(store.users().update(renamed, locked.version())).isEqualTo(WriteOutcome.WRITTEN);
            return locked.version();
        });

        assertThat(seen).as("the second unit locked the user as the first committed it").isEqualTo(Version.of(2));
        assertThat(events).containsExactly("first wrote", "second locked");
        User after = store.users().find(tenant, kim.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(Version.of(3));
        assertThat(after.state()).isEqualTo(new Active(T0));
        assertThat(after.userName().value()).isEqualTo("kim.lee");
    }

    @Test
    void aLockedUserThatTheFirstUnitDeletesIsGoneForTheSecond() throws Exception {
        User kim = stored("kim");

        Optional<User> seen = whileHeld(held -> {
            store.users().lock(tenant, kim.id()).orElseThrow();
            held.run();
            assertThat(store.users().delete(tenant, kim.id())).isTrue();
            events.add("first deleted");
        }, () -> {
            Optional<User> locked = store.users().lock(tenant, kim.id());
            events.add("second locked");
            return locked;
        });

        assertThat(seen).isEmpty();
        assertThat(events).containsExactly("first deleted", "second locked");
    }

    @Test
    void lockNamesLocksEveryNamedUserOfTheTenant() throws Exception {
        User ann = stored("ann");
        User ben = stored("ben");
        User stranger = user(otherTenant, "stranger", pending(), ComplexValue.EMPTY);
        store.users().add(stranger);

        Version seen = whileHeld(held -> {
            assertThat(store.users().lockNames(tenant, List.of(ben.id(), ann.id(), stranger.id(), UserId.of("ghost"))))
                    .containsOnlyKeys(ann.id(), ben.id())
                    .containsEntry(ben.id(), UserName.of("ben"));
            held.run();
            User current = store.users().find(tenant, ben.id()).orElseThrow();
            store.users().update(current.withState(new Active(T0), T0), current.version());
            events.add("first wrote ben");
        }, () -> {
            User locked = store.users().lock(tenant, ben.id()).orElseThrow();
            events.add("second locked ben");
            return locked.version();
        });

        assertThat(seen).isEqualTo(Version.of(2));
        assertThat(events).containsExactly("first wrote ben", "second locked ben");
        assertThat(store.unitOfWork().inTransaction(() -> store.users().lockNames(tenant, List.of()))).isEmpty();
    }

    @Test
    void aLockedGroupHeaderMakesASecondWriterOfTheGroupWait() throws Exception {
        User ann = stored("ann");
        Group team = GroupsContract.addGroup(store, tenant, "g1", "Team", ann.id(), T0);

        GroupHeader seen = whileHeld(held -> {
            GroupHeader locked = store.groups().lockHeader(tenant, team.id()).orElseThrow();
            held.run();
            assertThat(store.groups().update(locked.withAttributes("Crew", Optional.empty(), T0), locked.version()))
                    .isEqualTo(WriteOutcome.WRITTEN);
            store.groups().removeMembers(tenant, team.id(), Set.of(ann.id()));
            events.add("first renamed");
        }, () -> {
            GroupHeader locked = store.groups().lockHeader(tenant, team.id()).orElseThrow();
            events.add("second locked");
            assertThat(store.groups().update(locked.touched(T0), locked.version())).isEqualTo(WriteOutcome.WRITTEN);
            return locked;
        });

        assertThat(seen.displayName()).isEqualTo("Crew");
        assertThat(seen.version()).isEqualTo(Version.of(2));
        assertThat(events).containsExactly("first renamed", "second locked");
        Group after = store.groups().find(tenant, team.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(Version.of(3));
        assertThat(after.members()).isEmpty();
    }

    @Test
    void lockingWhatIsNotThereFindsNothing() {
        User kim = stored("kim");

        store.unitOfWork().run(() -> {
            assertThat(store.users().lock(tenant, UserId.of("ghost"))).isEmpty();
            assertThat(store.users().lock(otherTenant, kim.id())).isEmpty();
            assertThat(store.groups().lockHeader(tenant, GroupId.of("ghost"))).isEmpty();
            assertThat(store.users().lock(tenant, kim.id())).contains(kim);
        });
    }

    @Test
    void aLockHoldsUpNoOtherTenant() throws Exception {
        User kim = stored("kim");
        User lee = user(otherTenant, "lee", pending(), ComplexValue.EMPTY);
        store.users().add(lee);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);

        Future<?> holder = pool.submit(() -> store.unitOfWork().run(() -> {
            store.users().lock(tenant, kim.id()).orElseThrow();
            locked.countDown();
            awaitLatch(otherDone);
        }));
        Future<Version> other = pool.submit(() -> {
            awaitLatch(locked);
            Version v = store.unitOfWork().inTransaction(() -> {
                User current = store.users().lock(otherTenant, lee.id()).orElseThrow();
                store.users().update(current.withState(new Active(T0), T0), current.version());
                return store.users().find(otherTenant, lee.id()).orElseThrow().version();
            });
            otherDone.countDown();
            return v;
        });

        assertThat(other.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(Version.of(2));
        holder.get(DEADLOCK_GUARD_SECONDS, TimeUnit.SECONDS);
    }
}
