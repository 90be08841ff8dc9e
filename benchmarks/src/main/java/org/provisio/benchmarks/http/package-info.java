/**
 * The HTTP benchmark's orchestrator ({@code benchmarks/target/http-bench.jar}, run by
 * {@code benchmarks/http-bench.sh}): the HTTP ceiling and the reference server on memory, H2 and
 * PostgreSQL as separate JVMs, loaded with the same users and driven by wrk, with each figure given
 * as a ratio to the ceiling of the same run.
 */
package org.provisio.benchmarks.http;
