/** Configuration of the reference server from environment variables and {@code -D} properties. */
package org.provisio.server.config;
