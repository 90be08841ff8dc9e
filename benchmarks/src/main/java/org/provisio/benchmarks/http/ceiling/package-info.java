/**
 * The HTTP ceiling of the HTTP benchmark: a minimal Jersey + Grizzly application that answers
 * {@code GET /scim/v2/{tenant}/Users/{id}} with a fixed SCIM user. It uses no Provisio code and is
 * packaged alone as {@code benchmarks/target/http-ceiling.jar}.
 */
package org.provisio.benchmarks.http.ceiling;
