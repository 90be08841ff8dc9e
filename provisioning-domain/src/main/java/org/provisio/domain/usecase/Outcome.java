package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a use case ended: {@link Done} with its result, or {@link Refused} for a business reason
 * ({@link Refusal}: not found, a stale version, a taken name...). Business outcomes are values;
 * only invalid input is an exception ({@code ScimException}). A refused use case changed nothing.
 *
 * <pre>{@code
 * provisioning.restoreUser().restore(command).fold(
 *     view -> ok(view),
 *     refusal -> refusal.accept(toHttp));
 * }</pre>
 *
 * @param <T> the result of success
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** The one way to look inside: a function for each case. */
    <R> R fold(Function<? super T, ? extends R> done, Function<? super Refusal, ? extends R> refused);

    /** The result, or the exception {@code toException} makes of the refusal. */
    default T orElseThrow(Function<? super Refusal, ? extends RuntimeException> toException) {
        return fold(value -> value, refusal -> {
            throw toException.apply(refusal);
        });
    }

    /** The same outcome with its result mapped. */
    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        return fold(value -> done(mapper.apply(value)), Outcome::refused);
    }

    /** Whether the use case succeeded. */
    default boolean isDone() {
        return fold(value -> true, refusal -> false);
    }

    /** Succeeded with {@code value}. */
    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<? super Refusal, ? extends R> refused) {
            return done.apply(value);
        }
    }

    /** Refused for {@code refusal}; nothing was changed. */
    record Refused<T>(Refusal refusal) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> done, Function<? super Refusal, ? extends R> refused) {
            return refused.apply(refusal);
        }
    }
}
