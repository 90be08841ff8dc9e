package org.provisio.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.provisio.domain.port.UnitOfWork;

class ReadCacheTest {
    /** A unit of work whose change count the test moves, or withholds. */
    private static final class Counting implements UnitOfWork {
        OptionalLong count = OptionalLong.of(1);
        boolean active;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public OptionalLong changeCount() {
            return count;
        }

        void commit() {
            count = OptionalLong.of(count.getAsLong() + 1);
        }
    }

    private final Counting unit = new Counting();
    private final ReadCache cache = new ReadCache(() -> unit, 3);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return cache.get(key, () -> key + "#" + reads.incrementAndGet());
    }

    @Test
    void anAnswerIsKeptWhileTheCountStandsStillAndReadAgainOnceItMoves() {
        assertThat(read("a")).isEqualTo("a#1");
        assertThat(read("a")).isEqualTo("a#1");
        assertThat(read("b")).isEqualTo("b#2");

        unit.commit();

        assertThat(read("a")).isEqualTo("a#3");
        assertThat(read("a")).isEqualTo("a#3");
        assertThat(read("b")).isEqualTo("b#4");
    }

    @Test
    void nothingIsKeptForAStoreWithoutACountOrInsideAUnitOfWork() {
        unit.count = OptionalLong.empty();
        assertThat(read("a")).isEqualTo("a#1");
        assertThat(read("a")).isEqualTo("a#2");

        unit.count = OptionalLong.of(7);
        unit.active = true;
        assertThat(read("a")).isEqualTo("a#3");
        assertThat(read("a")).isEqualTo("a#4");
        assertThat(cache.size()).isZero();
    }

    @Test
    void hitsAndMissesAreCountedAndReadsThatCannotBeKeptAreNeither() {
        read("a");
        read("a");
        read("a");
        unit.commit();
        read("a");
        unit.count = OptionalLong.empty();
        read("a");
        unit.count = OptionalLong.of(9);
        unit.active = true;
        read("a");

        assertThat(cache.stats()).isEqualTo(new org.provisio.domain.usecase.KeptReads.Stats(2, 2, 1, 3));
    }

    /** The count is read before the read runs: a write committed during the read retires its answer. */
    @Test
    void anAnswerReadWhileAWriteCommitsIsNotServedAfterIt() {
        assertThat(cache.get("a", () -> {
            unit.commit();
            return "read during a commit";
        })).isEqualTo("read during a commit");

        assertThat(read("a")).isEqualTo("a#1");
        assertThat(read("a")).isEqualTo("a#1");
    }

    @Test
    void answersNotWorthKeepingAreReadEachTime() {
        assertThat(cache.get("big", () -> "x" + reads.incrementAndGet(), s -> false)).isEqualTo("x1");
        assertThat(cache.get("big", () -> "x" + reads.incrementAndGet(), s -> false)).isEqualTo("x2");
        assertThat(cache.size()).isZero();
    }

    @Test
    void atCapacityRetiredAnswersGoFirstThenAll() {
        read("a");
        read("b");
        unit.commit();
        read("c");
        assertThat(cache.size()).isEqualTo(3);

        read("d"); // a and b are retired: they go, c stays
        assertThat(cache.size()).isEqualTo(2);
        int before = reads.get();
        assertThat(read("c")).isEqualTo("c#3");
        assertThat(reads.get()).isEqualTo(before);

        read("e");
        read("f"); // all three current: an eighth of them (at least one) goes, f is kept
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.holds("f")).isTrue();
        assertThat(java.util.stream.Stream.of("c", "d", "e").filter(cache::holds)).as("one of c, d, e dropped")
                .hasSize(2);
    }
}
