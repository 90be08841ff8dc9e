package org.provisio.domain.usecase;

/**
 * Writes the deviations {@link CheckConformance} noted in memory to the store, adding to what other instances
 * wrote: run every few seconds by the jobs and once more when the process stops, so that no SCIM request
 * waits for a write.
 */
public interface RecordDeviations {
    /** Stores the deviations noted since the last call; how many report lines were written. */
    int recordNoted();
}
