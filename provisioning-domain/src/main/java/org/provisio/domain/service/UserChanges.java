package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.Effect;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.RequestScope;
import org.provisio.domain.usecase.UserView;

/**
 * Concurrent changes of one user ({@code PUT} and {@code PATCH}), applied together: the changes
 * that arrive while one is being written queue up behind it, and the next unit of work applies
 * all of them in arrival order — one lock, one write of the user, one commit — and answers each
 * with its own result, as if they had run one after the other. A hot user (an identity provider
 * flipping {@code active} of one account from many connections) then costs one commit per batch
 * instead of one per request, and no request waits for a row lock held by another of this
 * instance. Changes of different users never wait for each other here; the store's row lock still
 * serialises writers of several instances.
 *
 * <p>Each change is planned against the user as the changes before it in the batch left it, and
 * plans are pure: a change that is refused (a stale {@code If-Match}, an invalid value) leaves no
 * trace and the others proceed. The responses carry the versions of the intermediate states, so
 * that {@code If-Match} of a later request names what the client saw; only the last state is
 * stored. A rename can collide with a name that only the final state reveals, so a batch whose
 * write is refused as not unique is undone and its changes run again one at a time.
 *
 * <p>The lane of a user is led by one of the requesting threads: the first to arrive leads a batch
 * of everything queued (its own change first), and hands the lane to the oldest change still
 * waiting, which leads the next batch. No thread of its own, nothing kept once the lane is idle.
 * Since the leader's thread records every change of its batch, each change carries the request id
 * ({@link RequestScope}) of the thread that asked for it, captured when it was submitted.
 */
final class UserChanges {
    /** At most this many changes share a unit of work, so that one batch cannot hold the lock for long. */
    private static final int MAX_BATCH = 32;

    /** How a change turns the current user into its result. */
    interface Plan {
        /**
         * The change of {@code current} (as the changes before it left it, with its groups): its
         * result, without writing anything. May throw a {@code ScimException} for invalid input.
         */
        Planned plan(User current, List<GroupHeader> groups);
    }

    /** What a change plans: a refusal, no change at all, or a new state with its effects. */
    sealed interface Planned {
    }

    record Refused(Refusal refusal) implements Planned {
    }

    record Unchanged() implements Planned {
    }

    record Changed(User after, Actor actor, Instant at, List<Effect> effects) implements Planned {
    }

    private record Key(TenantId tenant, UserId user) {
    }

    private final Context ctx;
    private final EffectRecorder recorder;
    private final ConcurrentMap<Key, Lane> lanes = new ConcurrentHashMap<>();

    UserChanges(Context ctx, EffectRecorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
    }

    /** Applies a change of a user once {@code If-Match} holds: the view after it, or why not. */
    Outcome<UserView> apply(TenantId tenant, UserId user, Optional<Version> ifMatch, Plan plan) {
        Task task = new Task(ifMatch, plan);
        if (ctx.store.unitOfWork().isActive()) {
            // the caller's own unit of work: the change belongs in it, not in another thread's batch
            ctx.store.unitOfWork().inTransaction(() -> applyAll(tenant, user, List.of(task)));
            task.publish();
            return task.result();
        }
        Key key = new Key(tenant, user);
        boolean[] leads = new boolean[1];
        lanes.compute(key, (k, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            l.queue.add(task);
            if (!l.led) {
                l.led = true;
                leads[0] = true;
            }
            return l;
        });
        if (!leads[0]) {
            task.awaitTurn();
        }
        if (!task.isDone()) {
            lead(key, tenant, user);
        }
        return task.result();
    }

    /** Runs one batch (this thread's task at its head) and hands the lane on. */
    private void lead(Key key, TenantId tenant, UserId user) {
        List<Task> batch = new ArrayList<>();
        lanes.compute(key, (k, lane) -> {
            while (!lane.queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(lane.queue.poll());
            }
            return lane;
        });
        Runnable acknowledge = () -> { };
        try {
            acknowledge = run(tenant, user, batch);
        } finally {
            // the next batch goes on as soon as this one is committed (its row lock released), while this
            // one's commit reaches the disk: nobody is told of a change before it is durable
            Task[] next = new Task[1];
            lanes.compute(key, (k, lane) -> {
                if (lane.queue.isEmpty()) {
                    return null;
                }
                next[0] = lane.queue.peek();
                return lane;
            });
            if (next[0] != null) {
                next[0].promote();
            }
        }
        acknowledge.run();
    }

    /**
     * Commits the batch and returns what publishes its results once the commit is durable; every
     * task of the batch ends finished, whatever happens.
     */
    private Runnable run(TenantId tenant, UserId user, List<Task> batch) {
        try {
            UnitOfWork.Committed<Boolean> committed = ctx.store.unitOfWork()
                    .inTransactionThenDurable(() -> applyAll(tenant, user, batch));
            return () -> {
                try {
                    if (!committed.durable()) {
                        // a rename collided with a name the batch's final state holds: one at a time decides whose
                        for (Task task : batch) {
                            run(tenant, user, List.of(task)).run();
                        }
                        return;
                    }
                    batch.forEach(Task::publish);
                } catch (RuntimeException | Error e) {
                    batch.forEach(t -> t.fail(e));
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            };
        } catch (RuntimeException | Error e) {
            batch.forEach(t -> t.fail(e));
            if (e instanceof Error error) {
                throw error;
            }
            return () -> { };
        }
    }

    /**
     * Plans every change of the batch against the user as the ones before it left it, then writes
     * the final state and records every change's effects in order. False, with nothing written,
     * when a batch of several changes ends on a name that is taken.
     */
    private boolean applyAll(TenantId tenant, UserId id, List<Task> batch) {
        Optional<User> found = ctx.store.users().lock(tenant, id);
        if (found.isEmpty()) {
            batch.forEach(t -> t.decide(Outcome.refused(new Refusal.NotFound("user", id.value()))));
            return true;
        }
        User base = found.get();
        List<GroupHeader> groups = ctx.store.groups().groupsOf(tenant, id);
        User current = base;
        List<EffectRecorder.Change> changes = new ArrayList<>(batch.size());
        for (Task task : batch) {
            if (!UserRecords.matches(current, task.ifMatch)) {
                task.decide(Outcome.refused(new Refusal.VersionMismatch(current.version())));
                continue;
            }
            Planned planned;
            try {
                planned = task.plan.plan(current, groups);
            } catch (RuntimeException e) {
                task.decide(e);
                continue;
            }
            if (planned instanceof Refused refused) {
                task.decide(Outcome.refused(refused.refusal()));
            } else if (planned instanceof Changed changed) {
                current = changed.after();
                changes.add(new EffectRecorder.Change(changed.after(), changed.actor(), changed.at(), changed.effects(),
                        task.requestId));
                task.decide(Outcome.done(new UserView(current, groups)));
            } else {
                task.decide(Outcome.done(new UserView(current, groups)));
            }
        }
        if (changes.isEmpty()) {
            return true;
        }
        WriteOutcome written = ctx.store.users().replace(base, current);
        if (written == WriteOutcome.NOT_UNIQUE) {
            if (batch.size() > 1) {
                batch.forEach(Task::undecide);
                return false;
            }
            batch.get(0).decide(Outcome.refused(new Refusal.NotUnique("userName", current.userName().value())));
            return true;
        }
        if (written != WriteOutcome.WRITTEN) {
            // the user is locked for this unit of work: another writer cannot have come between
            throw new IllegalStateException("user " + id + " changed while locked: " + written);
        }
        recorder.recordAll(changes);
        return true;
    }

    /** The changes waiting for one user, and whether a thread is leading a batch of them. */
    private static final class Lane {
        final ArrayDeque<Task> queue = new ArrayDeque<>();
        boolean led;
    }

    /** One request's change, and its result once the batch it was in committed. */
    private static final class Task {
        final Optional<Version> ifMatch;
        final Plan plan;
        /** The request of the submitting thread: another thread's unit of work may record this change. */
        final Optional<RequestId> requestId = RequestScope.current();
        private Object decided;
        private Object result;
        private boolean done;
        private boolean leads;

        Task(Optional<Version> ifMatch, Plan plan) {
            this.ifMatch = ifMatch;
            this.plan = plan;
        }

        /** The outcome or exception the batch planned for this task (published at commit). */
        void decide(Object outcome) {
            decided = outcome;
        }

        void undecide() {
            decided = null;
        }

        synchronized void publish() {
            result = decided;
            done = true;
            notifyAll();
        }

        synchronized void fail(Throwable e) {
            result = e;
            done = true;
            notifyAll();
        }

        synchronized void promote() {
            leads = true;
            notifyAll();
        }

        synchronized boolean isDone() {
            return done;
        }

        /** Waits until the task is done or its thread is to lead the next batch; keeps an interrupt for later. */
        synchronized void awaitTurn() {
            boolean interrupted = false;
            while (!done && !leads) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        synchronized Outcome<UserView> result() {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            if (result instanceof Error e) {
                throw e;
            }
            return (Outcome<UserView>) result;
        }
    }
}
