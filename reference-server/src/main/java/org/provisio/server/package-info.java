/**
 * The reference server: {@link org.provisio.server.Main} for {@code java -jar}, and
 * {@link org.provisio.server.ProvisioFeature} for products that mount Provisio in their own
 * Jersey application.
 */
package org.provisio.server;
