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
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    @Test
    void uuidsAreRandomVersionFourUuidsUniqueAcrossThreads() throws Exception {
        IdGenerator ids = IdGenerator.uuids();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String id = ids.next();
                        UUID uuid = UUID.fromString(id);
                        assertThat(uuid.version()).isEqualTo(4);
                        assertThat(uuid.variant()).isEqualTo(2);
                        assertThat(uuid.toString()).isEqualTo(id);
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
        assertThat(seen).hasSize(8 * 20_000);
    }

    /** RFC 9562 §5.7: version 7, the variant of RFC 9562, the Unix milliseconds in the first 48 bits. */
    @Test
    void timeOrderedIdsAreVersionSevenUuidsUniqueAcrossThreadsAndSortByTheirMillisecond() throws Exception {
        IdGenerator ids = IdGenerator.timeOrdered();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        long before = System.currentTimeMillis();
                        String id = ids.next();
                        long after = System.currentTimeMillis();
                        UUID uuid = UUID.fromString(id);
                        assertThat(uuid.version()).isEqualTo(7);
                        assertThat(uuid.variant()).isEqualTo(2);
                        assertThat(uuid.toString()).isEqualTo(id);
                        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
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
        assertThat(seen).hasSize(8 * 20_000);

        String earlier = ids.next();
        long made = System.currentTimeMillis();
        while (System.currentTimeMillis() == made) {
            Thread.onSpinWait();
        }
        assertThat(ids.next()).as("an id of a later millisecond sorts after, as text too").isGreaterThan(earlier);
    }
}
