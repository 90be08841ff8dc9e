package org.provisio.adapters.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.provisio.domain.port.UnitOfWork;

/**
 * The store-wide lock and undo journal. Every port operation runs under the lock; a unit of
 * work holds it throughout and records an undo action for each write, which run in reverse
 * order when the work throws. Nested units of work join the outer one.
 */
final class Guard implements UnitOfWork {
    private final Object lock = new Object();
    private final ThreadLocal<Deque<Runnable>> journal = new ThreadLocal<>();

    /** Runs one port operation under the lock. */
    <T> T locked(Supplier<T> operation) {
        synchronized (lock) {
            return operation.get();
        }
    }

    /** Records how to undo a write, if a unit of work is open on this thread. */
    void onRollback(Runnable undo) {
        Deque<Runnable> undos = journal.get();
        if (undos != null) {
            undos.push(undo);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        synchronized (lock) {
            if (journal.get() != null) {
                return work.get();
            }
            Deque<Runnable> undos = new ArrayDeque<>();
            journal.set(undos);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                while (!undos.isEmpty()) {
                    undos.pop().run();
                }
                throw e;
            } finally {
                journal.remove();
            }
        }
    }
}
