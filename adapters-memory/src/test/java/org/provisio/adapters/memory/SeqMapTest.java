package org.provisio.adapters.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The insertion order of {@link SeqMap} across replacements, removals, compactions and rollbacks. */
class SeqMapTest {
    private final Guard guard = new Guard();

    private static List<String> keysAfter(SeqMap<String, String> map, long seq) {
        List<String> out = new ArrayList<>();
        map.after(seq).forEach(e -> out.add(e.value()));
        return out;
    }

    private static SeqMap<String, String> filled(Guard guard, int n) {
        SeqMap<String, String> map = new SeqMap<>(guard);
        for (int i = 0; i < n; i++) {
            map.put("k" + i, "k" + i);
        }
        return map;
    }

    @Test
    void aReplacedValueKeepsItsPlaceAndARemovedOneLeavesTheOrder() {
        SeqMap<String, String> map = filled(guard, 4);
        map.put("k1", "k1");
        map.remove("k2");
        map.put("k2", "k2");
        assertEquals(List.of("k0", "k1", "k3", "k2"), map.valueList());
        assertEquals(4, map.size());
    }

    @Test
    void entriesAfterASequenceSkipRemovedOnesAndContinueAfterARemovedPosition() {
        SeqMap<String, String> map = filled(guard, 6);
        long seqOfK2 = map.entry("k2").orElseThrow().seq();
        map.remove("k2");
        map.remove("k4");
        assertEquals(List.of("k3", "k5"), keysAfter(map, seqOfK2));
        assertEquals(List.of("k0", "k1", "k3", "k5"), keysAfter(map, -1));
    }

    @Test
    void compactionOnGrowthKeepsOrderAndSequences() {
        SeqMap<String, String> map = filled(guard, 64);
        long seqOfK40 = map.entry("k40").orElseThrow().seq();
        for (int i = 0; i < 60; i++) {
            if (i != 40) {
                map.remove("k" + i);
            }
        }
        // the arrays are full: the next insertion compacts instead of growing
        for (int i = 64; i < 200; i++) {
            map.put("k" + i, "k" + i);
        }
        List<String> expected = new ArrayList<>(List.of("k40", "k60", "k61", "k62", "k63"));
        for (int i = 64; i < 200; i++) {
            expected.add("k" + i);
        }
        assertEquals(expected, map.valueList());
        assertEquals(seqOfK40, map.entry("k40").orElseThrow().seq());
        assertEquals(expected.subList(1, expected.size()), keysAfter(map, seqOfK40));
    }

    @Test
    void aRollbackPutsRemovedEntriesBackInTheirPlaceEvenAfterACompaction() {
        SeqMap<String, String> map = filled(guard, 8);
        assertThrows(IllegalStateException.class, () -> guard.inTransaction(() -> {
            for (int i = 0; i < 8; i++) {
                map.remove("k" + i);
            }
            for (int i = 8; i < 40; i++) {
                map.put("k" + i, "k" + i);
            }
            map.put("k3", "changed");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"), map.valueList());
        assertFalse(map.contains("k8"));
        assertEquals(List.of("k5", "k6", "k7"), keysAfter(map, map.entry("k4").orElseThrow().seq()));
    }

    @Test
    void aRolledBackInsertionLeavesNoTrace() {
        SeqMap<String, String> map = filled(guard, 3);
        assertThrows(IllegalStateException.class, () -> guard.inTransaction(() -> {
            map.put("new", "new");
            map.put("k1", "changed");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(List.of("k0", "k1", "k2"), map.valueList());
        map.put("after", "after");
        assertEquals(List.of("k0", "k1", "k2", "after"), map.valueList());
    }
}
