/**
 * Spring Boot 4 auto-configuration of Provisio: {@link org.provisio.spring.boot.ProvisioAutoConfiguration}
 * builds the domain over the product's {@code DataSource}, serves SCIM on a Jersey servlet of its own under
 * {@code provisio.base-path}, and runs the background jobs as a lifecycle bean
 * ({@link org.provisio.spring.boot.ProvisioJobsLifecycle}); {@link org.provisio.spring.boot.ProvisioProperties}
 * lists the {@code provisio.*} properties.
 */
package org.provisio.spring.boot;
