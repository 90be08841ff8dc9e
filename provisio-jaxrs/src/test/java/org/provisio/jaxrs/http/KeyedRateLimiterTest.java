package org.provisio.jaxrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by hand. */
class KeyedRateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(-5 * SECOND);

    private KeyedRateLimiter<String> limiter(double perSecond, int burst, int maxKeys) {
        return new KeyedRateLimiter<>(KeyedRateLimiter.intervalOf(perSecond), burst, maxKeys, now::get);
    }

    @Test
    void admitsABurstThenOneRequestPerInterval() {
        KeyedRateLimiter<String> limiter = limiter(2, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).as("request %d of the burst", i).isZero();
        }
        long wait = limiter.acquire("a");
        assertThat(wait).isEqualTo(SECOND / 2);
        assertThat(Throttles.seconds(wait)).isEqualTo(1);
        now.addAndGet(SECOND / 2 - 1);
        assertThat(limiter.acquire("a")).isEqualTo(1);
        now.addAndGet(1);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void aRefusedRequestDoesNotUseUpAnything() {
        KeyedRateLimiter<String> limiter = limiter(1, 1, 10);
        assertThat(limiter.acquire("a")).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("a")).isPositive();
        }
        now.addAndGet(SECOND);
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void oneKeyExhaustedLeavesTheOthersAlone() {
        KeyedRateLimiter<String> limiter = limiter(1, 2, 10);
        limiter.acquire("a");
        limiter.acquire("a");
        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    void chargesCountWhetherOrNotTheyFitAndWaitForUsesNothing() {
        KeyedRateLimiter<String> limiter = limiter(1, 3, 10);
        assertThat(limiter.waitFor("a")).isZero();
        limiter.charge("a");
        limiter.charge("a");
        assertThat(limiter.waitFor("a")).isZero();
        assertThat(limiter.waitFor("a")).isZero();
        limiter.charge("a");
        assertThat(limiter.waitFor("a")).isEqualTo(SECOND);
        limiter.charge("a");
        assertThat(limiter.waitFor("a")).isEqualTo(2 * SECOND);
        now.addAndGet(2 * SECOND);
        assertThat(limiter.waitFor("a")).isZero();
    }

    @Test
    void concurrentRequestsOfOneKeyAreAdmittedExactlyBurstTimes() throws Exception {
        KeyedRateLimiter<String> limiter = limiter(1, 50, 10);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            runs.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 1_000; i++) {
                    if (limiter.acquire("a") == 0) {
                        admitted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(admitted).hasValue(50);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfKeys() {
        KeyedRateLimiter<String> limiter = limiter(1, 1, 1_000);
        for (int i = 0; i < 200_000; i++) {
            limiter.charge("10.0." + (i >> 8) + "." + (i & 255));
            if (i % 10_000 == 0) {
                now.addAndGet(SECOND / 4);
            }
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void keysBeyondTheBoundShareOneBucketUntilOldOnesRefill() {
        KeyedRateLimiter<String> limiter = limiter(1, 1, 2);
        limiter.charge("a");
        limiter.charge("b");
        assertThat(limiter.acquire("c")).as("the overflow bucket's one admission").isZero();
        assertThat(limiter.acquire("d")).as("shares the overflow bucket with c").isPositive();
        assertThat(limiter.size()).isEqualTo(2);
        now.addAndGet(2 * SECOND);
        assertThat(limiter.acquire("d")).isZero();
        assertThat(limiter.acquire("e")).as("tracked on its own again").isZero();
        assertThat(limiter.size()).isEqualTo(2);
    }
}
