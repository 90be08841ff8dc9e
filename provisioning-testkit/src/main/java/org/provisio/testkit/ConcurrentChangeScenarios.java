package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.RequestScope;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchRequest;

/**
 * Many concurrent changes of one user, as an identity provider's parallel sync sends them: every
 * change without {@code If-Match} is applied exactly once, in some order, each answered with its
 * own version; with {@code If-Match} the first writer wins; a change that fails or is refused
 * leaves the others alone; a change made inside the caller's own unit of work stays in it; and each
 * change's audit entries name the request that asked for it, also when another request's thread
 * applied it.
 */
public abstract class ConcurrentChangeScenarios extends LifecycleFixture {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 15;

    private ExecutorService pool;

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    private static PatchRequest replace(String path, String jsonValue) {
        return PatchRequest.from(ScimJson.readObject("{\"schemas\":[\"" + PatchRequest.SCHEMA + "\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + jsonValue + "}]}"));
    }

    private Outcome<UserView> patch(UserView user, PatchRequest request, Optional<Version> ifMatch) {
        return provisioning.patchUser().patch(new PatchUser.Command(tenant, user.user().id(), entra, request, ifMatch));
    }

    /** Runs {@code work} on every thread at once; the results in thread order. */
    private <T> List<T> together(int threads, java.util.function.IntFunction<Callable<T>> work) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Callable<T> job = work.apply(t);
            futures.add(pool.submit(() -> {
                go.await();
                return job.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void everyConcurrentChangeWithoutIfMatchIsAppliedOnceWithItsOwnVersion() throws Exception {
        UserView kim = provision("kim", true);
        Version start = current(kim).version();

        List<List<Version>> versions = together(THREADS, t -> () -> {
            List<Version> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                UserView after = Outcomes.done(patch(kim, replace("title", "\"t" + t + "-" + i + "\""), Optional.empty()));
                assertThat(after.toScim().getText("title")).hasValue("t" + t + "-" + i);
                mine.add(after.version());
            }
            return mine;
        });

        Set<Version> all = new HashSet<>();
        for (List<Version> mine : versions) {
            for (int i = 1; i < mine.size(); i++) {
                assertThat(mine.get(i).value()).as("a thread's later change has a later version")
                        .isGreaterThan(mine.get(i - 1).value());
            }
            all.addAll(mine);
        }
        int changes = THREADS * PER_THREAD;
        assertThat(all).as("no two changes share a version").hasSize(changes);
        assertThat(current(kim).version().value()).isEqualTo(start.value() + changes);
        assertThat(auditFor(kim).stream().filter(a -> a == AuditAction.USER_UPDATED).count()).isEqualTo(changes);
        Version last = Collections.max(all, java.util.Comparator.comparingLong(Version::value));
        assertThat(last).isEqualTo(current(kim).version());
    }

    /**
     * A read never answers older than a change acknowledged before it began, and one reader never
     * sees versions go back, however reads are served (a store that counts its changes lets the
     * domain keep read answers; any committed write must retire them).
     */
    @Test
    void readsAmidConcurrentChangesSeeEveryAcknowledgedChangeAndNeverGoBack() throws Exception {
        UserView kim = provision("kim", true);
        UserQuery byName = UserQuery.filtered(Filter.parse("userName eq \"kim\""), PageRequest.first(10));

        List<Integer> checked = together(THREADS, t -> () -> {
            long seen = 0;
            int reads = 0;
            for (int i = 0; i < PER_THREAD; i++) {
                if (t % 2 == 0) {
                    UserView after = Outcomes.done(patch(kim, replace("title", "\"t" + t + "-" + i + "\""), Optional.empty()));
                    seen = Math.max(seen, after.version().value());
                }
                UserView got = provisioning.getUser().get(tenant, kim.user().id()).orElseThrow();
                assertThat(got.version().value()).as("a read after an acknowledged change, or after a newer read")
                        .isGreaterThanOrEqualTo(seen);
                seen = got.version().value();
                List<UserView> found = provisioning.queryUsers().query(tenant, byName).items();
                assertThat(found).hasSize(1);
                assertThat(found.get(0).version().value()).as("a query after a read").isGreaterThanOrEqualTo(seen);
                seen = found.get(0).version().value();
                reads += 2;
            }
            return reads;
        });

        assertThat(checked.stream().mapToInt(Integer::intValue).sum()).isEqualTo(THREADS * PER_THREAD * 2);
        UserView last = current(kim);
        assertThat(last.version().value()).isEqualTo(kim.version().value() + (THREADS / 2) * PER_THREAD);
        assertThat(provisioning.queryUsers().query(tenant, byName).items()).extracting(UserView::version)
                .containsExactly(last.version());

        Outcomes.done(patch(kim, replace("userName", "\"kimberly\""), Optional.empty()));
        assertThat(provisioning.queryUsers().query(tenant, byName).items()).as("the old name finds nobody").isEmpty();
        assertThat(provisioning.getUser().get(tenant, kim.user().id()).orElseThrow().user().userName().value())
                .isEqualTo("kimberly");
    }

    @Test
    void concurrentLifecycleFlipsAlternateAndEachLeavesItsEvent() throws Exception {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));

        List<Integer> done = together(THREADS, t -> () -> {
            int n = 0;
            for (int i = 0; i < PER_THREAD; i++) {
                Outcomes.done(patch(kim, replace("active", (t + i) % 2 == 0 ? "false" : "true"), Optional.empty()));
                n++;
            }
            return n;
        });

        assertThat(done.stream().mapToInt(Integer::intValue).sum()).isEqualTo(THREADS * PER_THREAD);
        List<OutboxMessage.Kind> events = outboxKinds(kim).stream()
                .filter(k -> k == OutboxMessage.Kind.SUSPENDED || k == OutboxMessage.Kind.RESTORED).toList();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i)).as("suspensions and restores alternate").isNotEqualTo(events.get(i - 1));
        }
        long suspended = auditFor(kim).stream().filter(a -> a == AuditAction.USER_SUSPENDED).count();
        long restored = auditFor(kim).stream().filter(a -> a == AuditAction.USER_RESTORED).count();
        assertThat(suspended).isEqualTo(events.stream().filter(k -> k == OutboxMessage.Kind.SUSPENDED).count());
        assertThat(restored).isEqualTo(events.stream().filter(k -> k == OutboxMessage.Kind.RESTORED).count());
        assertThat(current(kim).user().state().active())
                .isEqualTo(events.isEmpty() || events.get(events.size() - 1) == OutboxMessage.Kind.RESTORED);
    }

    @Test
    void withIfMatchTheFirstWriterWinsAndTheRestAreRefused() throws Exception {
        UserView kim = provision("kim", true);
        Version seen = current(kim).version();

        List<Outcome<UserView>> outcomes = together(THREADS, t -> () ->
                patch(kim, replace("title", "\"w" + t + "\""), Optional.of(seen)));

        assertThat(outcomes.stream().filter(Outcome::isDone)).hasSize(1);
        Version after = current(kim).version();
        assertThat(outcomes.stream().filter(o -> !o.isDone()))
                .hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o).isEqualTo(Outcome.refused(new Refusal.VersionMismatch(after))));
    }

    @Test
    void anInvalidOrRefusedChangeAmongOthersFailsAloneAndTheOthersApply() throws Exception {
        UserView kim = provision("kim", true);
        provision("taken", true);

        List<String> results = together(THREADS, t -> () -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                try {
                    Outcome<UserView> o = switch ((t + i) % 3) {
                        case 0 -> patch(kim, replace("userName", "\"TAKEN\""), Optional.empty());
                        case 1 -> patch(kim, replace("active", "\"maybe\""), Optional.empty());
                        default -> patch(kim, replace("title", "\"ok" + t + "-" + i + "\""), Optional.empty());
                    };
                    mine.add(o.isDone() ? "done" : "refused:" + o);
                } catch (ScimException e) {
                    mine.add("invalid");
                }
            }
            return String.join(",", mine);
        });

        int[] expected = new int[3];
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                expected[(t + i) % 3]++;
            }
        }
        List<String> flat = results.stream().flatMap(r -> List.of(r.split(",")).stream()).toList();
        assertThat(flat.stream().filter(r -> r.equals("done"))).hasSize(expected[2]);
        assertThat(flat.stream().filter(r -> r.equals("invalid"))).hasSize(expected[1]);
        assertThat(flat.stream().filter(r -> r.startsWith("refused:")))
                .hasSize(expected[0])
                .allSatisfy(r -> assertThat(r).contains("NotUnique"));
        assertThat(current(kim).user().userName().value()).isEqualTo("kim");
        assertThat(auditFor(kim).stream().filter(a -> a == AuditAction.USER_UPDATED).count()).isEqualTo(expected[2]);
    }

    @Test
    void aChangeInsideTheCallersUnitOfWorkIsUndoneWithIt() {
        UserView kim = provision("kim", true);
        Version before = current(kim).version();

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            Outcomes.done(patch(kim, replace("title", "\"inside\""), Optional.empty()));
            throw new IllegalStateException("the caller's work fails");
        })).hasMessage("the caller's work fails");

        assertThat(current(kim).version()).isEqualTo(before);
        assertThat(current(kim).toScim().getText("title")).isEmpty();
    }

    @Test
    @SuppressWarnings("try") // the scopes are held, not used: they name the request of what runs inside
    void theAuditEntriesOfAChangeNameTheRequestItWasMadeFor() {
        UserView kim;
        try (RequestScope.Binding ignored = RequestScope.open(RequestId.of("req-provision"))) {
            kim = provision("kim", true);
        }
        try (RequestScope.Binding ignored = RequestScope.open(RequestId.of("req-outer"))) {
            try (RequestScope.Binding inner = RequestScope.open(RequestId.of("req-patch"))) {
                Outcomes.done(patch(kim, replace("title", "\"t1\""), Optional.empty()));
            }
            assertThat(RequestScope.current()).as("closing a scope restores the one it replaced")
                    .contains(RequestId.of("req-outer"));
        }
        Outcomes.done(patch(kim, replace("title", "\"t2\""), Optional.empty()));

        assertThat(RequestScope.current()).isEmpty();
        assertThat(auditEntriesFor(kim)).extracting(AuditEntry::action, e -> e.requestId().map(RequestId::value))
                .containsExactly(
                        tuple(AuditAction.USER_PROVISIONED, Optional.of("req-provision")),
                        tuple(AuditAction.INVITATION_ISSUED, Optional.of("req-provision")),
                        tuple(AuditAction.USER_UPDATED, Optional.of("req-patch")),
                        tuple(AuditAction.USER_UPDATED, Optional.empty()));
    }

    /**
     * Two PATCHes of one user from two requests, applied in ONE unit of work run by the thread of the
     * first: each change's audit entry still names its own request. A third change holds the user's
     * lane (its unit of work waits at a gate) until both are queued behind it, so that they are
     * certain to share the next batch.
     */
    @Test
    void changesAppliedTogetherByOneRequestsThreadEachKeepTheirOwnRequestId() throws Exception {
        UserView kim = provision("kim", true);
        GatedStore gated = new GatedStore(store);
        Provisioning shared = Provisioning.builder(gated.store).clock(clock).build();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

        Thread first = requestThread("req-holder", "held", kim, shared, failures);
        gated.hold(first);
        first.start();
        threads.add(first);
        gated.awaitHeld();
        Thread a = requestThread("req-a", "from-a", kim, shared, failures);
        a.start();
        threads.add(a);
        awaitQueued(a);
        Thread b = requestThread("req-b", "from-b", kim, shared, failures);
        b.start();
        threads.add(b);
        awaitQueued(b);
        int before = gated.transactions.get();
        gated.release();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(gated.transactions.get() - before)
                .as("both queued changes were applied in one unit of work, on the thread of the first").isEqualTo(1);
        assertThat(auditEntriesFor(kim).stream().filter(e -> e.action() == AuditAction.USER_UPDATED))
                .extracting(e -> e.requestId().map(RequestId::value).orElse("none"))
                .containsExactly("req-holder", "req-a", "req-b");
        assertThat(current(kim).toScim().getText("title")).hasValue("from-b");
    }

    /** A thread that PATCHes kim's title for the request {@code requestId}. */
    @SuppressWarnings("try") // the scope is held, not used: it names the request of what runs inside
    private Thread requestThread(String requestId, String title, UserView kim, Provisioning domain,
                                 List<Throwable> failures) {
        Thread t = new Thread(() -> {
            try (RequestScope.Binding ignored = RequestScope.open(RequestId.of(requestId))) {
                Outcomes.done(domain.patchUser().patch(new PatchUser.Command(tenant, kim.user().id(), entra,
                        replace("title", "\"" + title + "\""), Optional.empty())));
            } catch (Throwable e) {
                failures.add(e);
            }
        }, requestId);
        t.setDaemon(true);
        return t;
    }

    /** Waits until {@code t} is queued behind the change that holds the user's lane. */
    private static void awaitQueued(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!waitsForItsTurn(t)) {
            if (System.nanoTime() > deadline || !t.isAlive()) {
                throw new AssertionError(t.getName() + " never queued behind the change in progress");
            }
            Thread.sleep(1);
        }
    }

    private static boolean waitsForItsTurn(Thread t) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().endsWith("UserChanges$Task") && frame.getMethodName().equals("awaitTurn")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The store under test, whose units of work count themselves and can hold one thread at the door;
     * every other port is the store's own.
     */
    private static final class GatedStore {
        private final AtomicReference<Thread> held = new AtomicReference<>();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        final AtomicInteger transactions = new AtomicInteger();
        final Store store;

        GatedStore(Store inner) {
            UnitOfWork work = inner.unitOfWork();
            UnitOfWork gated = new UnitOfWork() {
                @Override
                public <T> T inTransaction(Supplier<T> body) {
                    transactions.incrementAndGet();
                    if (held.compareAndSet(Thread.currentThread(), null)) {
                        entered.countDown();
                        awaitQuietly(released);
                    }
                    return work.inTransaction(body);
                }

                @Override
                public <T> T readOnly(Supplier<T> body) {
                    return work.readOnly(body);
                }

                @Override
                public boolean isActive() {
                    return work.isActive();
                }
            };
            // a proxy rather than a class, so that a port added to Store later needs nothing here
            this.store = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("unitOfWork") && method.getParameterCount() == 0) {
                            return gated;
                        }
                        try {
                            return method.invoke(inner, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        void hold(Thread t) {
            held.set(t);
        }

        void awaitHeld() {
            awaitQuietly(entered);
        }

        void release() {
            released.countDown();
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                if (!latch.await(120, TimeUnit.SECONDS)) {
                    throw new AssertionError("the gate was never passed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
