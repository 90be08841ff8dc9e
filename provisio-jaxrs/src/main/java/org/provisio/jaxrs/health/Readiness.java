package org.provisio.jaxrs.health;

/**
 * Whether this instance should be sent traffic: for the reference server, the store is open and
 * answers, and the process is not shutting down. Asked on every {@code GET /health/ready}, so an
 * implementation answers quickly — within a bounded time, from a briefly cached check — and never
 * throws.
 */
@FunctionalInterface
public interface Readiness {
    boolean isReady();
}
