package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Version;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchRequest;

/**
 * Many concurrent changes of one user, as an identity provider's parallel sync sends them: every
 * change without {@code If-Match} is applied exactly once, in some order, each answered with its
 * own version; with {@code If-Match} the first writer wins; a change that fails or is refused
 * leaves the others alone; and a change made inside the caller's own unit of work stays in it.
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
}
