package org.provisio.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dispatcher's retry delay: 10 s doubling per failed attempt, capped at one hour, ±20 % jitter. */
class OutboxServiceTest {
    static Stream<Arguments> delays() {
        return Stream.of(
                Arguments.of(1, 0.5, Duration.ofSeconds(10)),
                Arguments.of(1, 0.0, Duration.ofSeconds(8)),
                Arguments.of(1, 1.0, Duration.ofSeconds(12)),
                Arguments.of(2, 0.5, Duration.ofSeconds(20)),
                Arguments.of(3, 0.5, Duration.ofSeconds(40)),
                Arguments.of(3, 0.0, Duration.ofSeconds(32)),
                Arguments.of(9, 0.5, Duration.ofSeconds(2560)),
                Arguments.of(10, 0.5, Duration.ofHours(1)),
                Arguments.of(12, 1.0, Duration.ofMinutes(72)),
                Arguments.of(12, 0.0, Duration.ofMinutes(48)),
                Arguments.of(1000, 0.5, Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "after {0} failed attempt(s), jitter unit {1}: {2}")
    @MethodSource("delays")
    void theDelayDoublesWithEachAttemptUpToAnHour(int failedAttempts, double unit, Duration expected) {
        assertThat(OutboxService.retryDelay(failedAttempts, unit)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void needsAFailedAttempt(int failedAttempts) {
        assertThatThrownBy(() -> OutboxService.retryDelay(failedAttempts, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
