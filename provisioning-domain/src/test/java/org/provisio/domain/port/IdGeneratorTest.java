package org.provisio.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void uuidsAreRandomVersionFourUuidsUniqueAcrossThreads() throws Exception {
        assertThat(drawnOnEightThreads(IdGenerator.uuids(), id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        })).hasSize(8 * 20_000);
    }

    /** RFC 9562 §5.7: version 7, the variant of RFC 9562, the Unix milliseconds in the first 48 bits. */
    @Test
    void timeOrderedIdsAreVersionSevenUuidsUniqueAcrossThreadsAndSortByTheirMillisecond() throws Exception {
        IdGenerator ids = IdGenerator.timeOrdered();
        assertThat(drawnOnEightThreads(() -> {
            long before = System.currentTimeMillis();
            String id = ids.next();
            long after = System.currentTimeMillis();
            assertThat(UUID.fromString(id).getMostSignificantBits() >>> 16).isBetween(before, after);
            return id;
        }, id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        })).hasSize(8 * 20_000);

        String earlier = ids.next();
        long made = System.currentTimeMillis();
        while (System.currentTimeMillis() == made) {
            Thread.onSpinWait();
        }
        assertThat(ids.next()).as("an id of a later millisecond sorts after, as text too").isGreaterThan(earlier);
    }

    /** 20,000 ids from each of 8 threads at once, each passed to {@code check}: the distinct ones. */
    private static Set<String> drawnOnEightThreads(IdGenerator ids, Consumer<String> check) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String id = ids.next();
                        check.accept(id);
                        seen.add(id);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return seen;
    }
}
