package org.provisio.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A value read from something that may be slow or hang — the database — at most once per
 * {@code maxAge} however often it is asked for, and never waited for longer than {@code timeout}.
 * A reader gets the last reading while it is fresh; else it starts a new one, on a thread of its
 * own (never two at once), and waits for it up to the timeout. A reading that failed or is late
 * gives {@code fallback}; a late one goes on in the background and serves later readers.
 *
 * <pre>{@code
 * Sampled<Boolean> answers = new Sampled<>(() -> probe(store), Duration.ofSeconds(1), Duration.ofSeconds(2),
 *         false, "provisio-readiness");
 * }</pre>
 */
public final class Sampled<T> {
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final long timeoutNanos;
    private final T fallback;
    private final String threadName;
    /** The last reading, done or under way; guarded by {@code this}. */
    private CompletableFuture<T> reading;
    /** When {@link #reading} started, in {@link System#nanoTime()}; guarded by {@code this}. */
    private long readAt;

    public Sampled(Supplier<T> source, Duration maxAge, Duration timeout, T fallback, String threadName) {
        this.source = Objects.requireNonNull(source, "source");
        this.maxAgeNanos = maxAge.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.fallback = fallback;
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    /** The last fresh reading, a new one, or the fallback; within the timeout. */
    public T get() {
        CompletableFuture<T> current;
        synchronized (this) {
            long now = System.nanoTime();
            if (reading == null || reading.isDone() && now - readAt >= maxAgeNanos) {
                reading = new CompletableFuture<>();
                readAt = now;
                CompletableFuture<T> next = reading;
                Thread t = new Thread(() -> {
                    try {
                        next.complete(source.get());
                    } catch (Throwable e) {
                        next.completeExceptionally(e);
                    }
                }, threadName);
                t.setDaemon(true);
                t.start();
            }
            current = reading;
        }
        try {
            return current.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
