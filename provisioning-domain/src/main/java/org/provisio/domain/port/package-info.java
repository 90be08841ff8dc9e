/**
 * Outgoing ports: what the domain needs from the outside, named for their role. Repositories
 * are plural nouns ({@link org.provisio.domain.port.Users}, {@link org.provisio.domain.port.Groups},
 * ...); {@link org.provisio.domain.port.UnitOfWork} makes a use case atomic and
 * {@link org.provisio.domain.port.Store} bundles one adapter's ports. Time is a
 * {@link java.time.Clock}. No port returns {@code null}.
 */
package org.provisio.domain.port;
