package org.provisio.adapters.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.UnitOfWork;

/**
 * The locks and undo journal of the in-memory store. A tenant's users, groups and invitations are
 * guarded by that tenant's read-write lock, so readers of a tenant proceed in parallel and
 * writers of different tenants never wait for each other. A unit of work holds the locks of the
 * tenants it touches until it ends — read locks for {@link #readOnly}, write locks for
 * {@link #inTransaction} — and journals an undo action for each write, run in reverse order when
 * the work throws, before any lock is released: no reader ever sees a change that is rolled back.
 * Appends to the tables every tenant shares (outbox, audit log) are held back until the unit of
 * work commits. Nested units join the outer one.
 */
final class Guard implements UnitOfWork {
    /** How long a unit of work that already holds a tenant's lock waits for another tenant's. */
    private static final long SECOND_LOCK_WAIT_MS = 10_000;

    private final ConcurrentMap<TenantId, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final ThreadLocal<Work> current = new ThreadLocal<>();

    /** The state of the unit of work on this thread. */
    private static final class Work {
        final boolean write;
        final Map<TenantId, Lock> held = new LinkedHashMap<>();
        final Deque<Runnable> undos = new ArrayDeque<>();
        final List<Runnable> onCommit = new ArrayList<>();

        Work(boolean write) {
            this.write = write;
        }
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(true, work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(false, work);
    }

    private <T> T run(boolean write, Supplier<T> body) {
        Work outer = current.get();
        if (outer != null) {
            if (write && !outer.write) {
                throw new IllegalStateException("a writing unit of work cannot run inside a read-only one");
            }
            return body.get();
        }
        Work work = new Work(write);
        current.set(work);
        try {
            T result = body.get();
            for (Runnable action : work.onCommit) {
                action.run();
            }
            return result;
        } catch (RuntimeException | Error e) {
            while (!work.undos.isEmpty()) {
                work.undos.pop().run();
            }
            throw e;
        } finally {
            current.remove();
            List<Lock> held = new ArrayList<>(work.held.values());
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    /** Runs a read of {@code tenant}'s data under its read lock (or the unit of work's lock). */
    <T> T read(TenantId tenant, Supplier<T> operation) {
        Work work = current.get();
        if (work != null) {
            hold(work, tenant);
            return operation.get();
        }
        Lock lock = lock(tenant).readLock();
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a write of {@code tenant}'s data under its write lock (or the unit of work's lock). */
    <T> T write(TenantId tenant, Supplier<T> operation) {
        Work work = current.get();
        if (work != null) {
            if (!work.write) {
                throw new IllegalStateException("a read-only unit of work cannot write");
            }
            hold(work, tenant);
            return operation.get();
        }
        Lock lock = lock(tenant).writeLock();
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code tenant}'s write lock for the rest of the writing unit of work on this thread if
     * it is free now, without waiting: what {@code FOR UPDATE SKIP LOCKED} is to a database. True if
     * the lock is held.
     */
    boolean tryHold(TenantId tenant) {
        Work work = current.get();
        if (work == null || !work.write) {
            throw new IllegalStateException("tryHold needs a writing unit of work");
        }
        if (work.held.containsKey(tenant)) {
            return true;
        }
        Lock lock = lock(tenant).writeLock();
        if (!lock.tryLock()) {
            return false;
        }
        work.held.put(tenant, lock);
        return true;
    }

    /**
     * Runs a read of {@code tenant}'s data if its lock is free now, under a read lock taken only for
     * the read (or the lock this unit of work already holds); empty if another unit of work holds it.
     */
    <T> java.util.Optional<T> tryRead(TenantId tenant, Supplier<T> operation) {
        Work work = current.get();
        if (work != null && work.held.containsKey(tenant)) {
            return java.util.Optional.ofNullable(operation.get());
        }
        Lock lock = lock(tenant).readLock();
        if (!lock.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(operation.get());
        } finally {
            lock.unlock();
        }
    }

    private void hold(Work work, TenantId tenant) {
        if (work.held.containsKey(tenant)) {
            return;
        }
        ReentrantReadWriteLock rw = lock(tenant);
        Lock lock = work.write ? rw.writeLock() : rw.readLock();
        if (work.held.isEmpty()) {
            lock.lock();
        } else {
            // a unit of work spanning tenants could wait in a cycle: bound the wait instead
            try {
                if (!lock.tryLock(SECOND_LOCK_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("tenant " + tenant + " stayed locked by another unit of work");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for tenant " + tenant, e);
            }
        }
        work.held.put(tenant, lock);
    }

    private ReentrantReadWriteLock lock(TenantId tenant) {
        return locks.computeIfAbsent(tenant, t -> new ReentrantReadWriteLock());
    }

    /** Records how to undo a write, if a unit of work is open on this thread. */
    void onRollback(Runnable undo) {
        Work work = current.get();
        if (work != null) {
            work.undos.push(undo);
        }
    }

    /** Runs {@code action} when the unit of work on this thread commits, or now if there is none. */
    void onCommit(Runnable action) {
        Work work = current.get();
        if (work == null) {
            action.run();
        } else {
            work.onCommit.add(action);
        }
    }
}
