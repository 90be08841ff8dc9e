/**
 * The reference server: {@code java -jar provisio-server.jar}. It assembles the library —
 * configuration from the environment, the store it names, {@link org.provisio.jaxrs.ProvisioFeature}
 * on Grizzly, the background jobs, logging — and stops them in order on SIGTERM.
 */
package org.provisio.server;
