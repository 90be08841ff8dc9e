package org.provisio.domain.usecase;

/**
 * Writes when credentials were last used. Authentication does not write: it notes a use in memory,
 * at most once a minute per credential, and this use case stores the noted uses in one unit of work
 * — run every few seconds by the jobs, and once more when the process stops — so that no SCIM
 * request waits for a write to one hot row.
 */
public interface RecordCredentialUses {
    /** Stores the uses noted since the last call; how many credentials were written. */
    int recordNoted();
}
