/**
 * {@code GET /metrics}: Micrometer meters of requests, tenants, jobs, the outbox, the credential
 * cache, the JDBC pool, the JVM and the process, scraped in Prometheus' text format with the
 * {@code PROVISIO_METRICS_TOKEN} bearer token. The only package that sees Micrometer.
 */
package org.provisio.server.metrics;
