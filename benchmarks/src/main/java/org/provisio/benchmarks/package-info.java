/**
 * JMH benchmarks of scim-core against the UnboundID SCIM 2 SDK doing the same work: filter parsing,
 * filter evaluation over 10,000 users, and a typical Entra ID PATCH. Build and run with
 * {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}.
 */
package org.provisio.benchmarks;
