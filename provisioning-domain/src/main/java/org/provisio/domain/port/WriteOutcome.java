package org.provisio.domain.port;

/** How a repository write ended; the adapter decides races, the domain maps the outcome. */
public enum WriteOutcome {
    /** Written. */
    WRITTEN,
    /** Another record already holds the unique key (a user's {@code userName}, case-insensitively). */
    NOT_UNIQUE,
    /** The stored version is not the expected one: someone else changed the record first. */
    STALE_VERSION,
    /** There is no such record. */
    NOT_FOUND
}
