/** Health probes for load balancers and orchestrators: {@code /health/live} and {@code /health/ready}. */
package org.provisio.jaxrs.health;
