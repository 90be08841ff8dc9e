/**
 * The use cases implemented over the outgoing ports. {@link org.provisio.domain.service.Provisioning}
 * is the one public entry point: it wires them over a {@link org.provisio.domain.port.Store},
 * a {@link java.time.Clock} and the retention settings.
 */
package org.provisio.domain.service;
