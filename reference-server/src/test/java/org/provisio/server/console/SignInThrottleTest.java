package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.provisio.testkit.MutableClock;

/** Failed sign-ins: free at first, then doubling waits per address, capped, forgotten in time. */
class SignInThrottleTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theFirstFailuresCostNothingThenEachDoublesTheWait() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.1");
            assertThat(throttle.wait("192.0.2.1")).isEmpty();
        }
        throttle.failed("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).contains(Duration.ofSeconds(4));
        assertThat(throttle.wait("192.0.2.2")).as("another address").isEmpty();
    }

    @Test
    void theWaitIsCappedAndASuccessForgetsTheAddress() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("192.0.2.1");
        }
        assertThat(throttle.wait("192.0.2.1")).contains(SignInThrottle.MAX_WAIT);
        throttle.succeeded("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).isEmpty();
        throttle.failed("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).as("counting starts again").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietHalfHour() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.1");
        }
        clock.advance(SignInThrottle.FORGET_AFTER);
        throttle.failed("192.0.2.1");
        assertThat(throttle.wait("192.0.2.1")).isEmpty();
    }

    /** A flood of addresses neither grows the record without bound nor lets a newcomer guess freely. */
    @Test
    void whenEveryPlaceIsTakenNewcomersShareOneRecordAndAreSlowedDownToo() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.77");
        }
        assertThat(throttle.wait("192.0.2.77")).contains(Duration.ofSeconds(1));
        assertThat(throttle.wait("192.0.2.78")).as("another newcomer, counted with it").contains(Duration.ofSeconds(1));
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("192.0.2.79");
        assertThat(throttle.wait("192.0.2.79")).as("the expired are forgotten: room again").isEmpty();
        assertThat(throttle.wait("192.0.2.77")).isEmpty();
    }
}
