package org.provisio.testkit;

import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;

/**
 * Looking inside a use case's {@link Outcome} in a test: the result of one that must succeed, the
 * refusal of one that must be refused. Either fails the test, naming what came instead.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** The result of a use case that must have succeeded. */
    public static <T> T done(Outcome<T> outcome) {
        return outcome.fold(value -> value, refusal -> {
            throw new AssertionError("expected the use case to succeed, but it was refused: " + refusal);
        });
    }

    /** The refusal of a use case that must have been refused. */
    public static Refusal refusal(Outcome<?> outcome) {
        return outcome.fold(value -> {
            throw new AssertionError("expected the use case to be refused, but it succeeded with " + value);
        }, refusal -> refusal);
    }
}
