package org.provisio.domain.port;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Makes a use case atomic: every write of the ports of the same {@link Store} made inside
 * {@code work} happens together or, if {@code work} throws, not at all. Nested calls join the
 * outer unit of work.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    /**
     * A unit of work that only reads: it never takes a write lock, so readers of a store that
     * locks (the in-memory one) proceed in parallel. Joins an enclosing unit of work.
     */
    default <T> T readOnly(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Whether a unit of work is open on this thread, which a nested call would join. The use cases
     * that combine concurrent changes into one unit of work ask, so as not to move a caller's change
     * out of the caller's own unit of work. An adapter that cannot tell answers {@code false}.
     */
    default boolean isActive() {
        return false;
    }

    /**
     * A unit of work whose commit is awaited in two steps: this returns once the unit is committed
     * (its locks released, its writes visible), and {@link Committed#durable()} returns once the
     * commit also survives a crash. A caller that acknowledges only after {@code durable()} may let
     * other work go on in between: the next batch of one user's changes writes while this one's
     * commit reaches the disk. A store whose commit is durable at once answers {@code durable()} at
     * once. Not for use inside another unit of work (the enclosing one decides when it commits).
     */
    default <T> Committed<T> inTransactionThenDurable(Supplier<T> work) {
        T result = inTransaction(work);
        return () -> result;
    }

    /** A committed unit of work's result, handed out once its commit is durable. */
    @FunctionalInterface
    interface Committed<T> {
        /** Waits until the commit survives a crash; the unit of work's result. */
        T durable();
    }

    /**
     * A count of the writing transactions the store has committed, read before a read so that the
     * read's answer can be reused while the count has not moved. The count must move after every
     * committed write becomes visible, whoever made it: every process and connection writing the
     * same data. A store that cannot observe all its writers (a server database other instances
     * share) answers empty, and nothing read from it is reused.
     */
    default OptionalLong changeCount() {
        return OptionalLong.empty();
    }

    /** {@link #inTransaction(Supplier)} for work without a result. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
