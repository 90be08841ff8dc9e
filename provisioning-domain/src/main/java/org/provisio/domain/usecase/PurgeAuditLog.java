package org.provisio.domain.usecase;

/**
 * Removes the audit entries older than the audit retention, of every tenant, in bounded batches,
 * each one unit of work; purgers of several instances may run at once.
 */
public interface PurgeAuditLog {
    /** The number of entries removed. */
    int purgeExpiredEntries();
}
