package org.provisio.domain.usecase;

/**
 * How the SCIM reads kept in memory fare (answers kept while the store commits nothing; only on a
 * store that counts its committed changes, the embedded H2): for a dashboard of hits against misses
 * and a look at how full the memory is.
 */
public interface KeptReads {
    /** Counts since the domain was built, and the answers held now. */
    record Stats(long hits, long misses, int size, int capacity) {
    }

    /**
     * The counts so far: a hit is a read answered from memory, a miss one read from the store that
     * could have been kept (a store with a count, outside a unit of work); reads that cannot be kept
     * count as neither.
     */
    Stats stats();
}
