/** Logging of the reference server: Logback converters that keep every line one line. */
package org.provisio.server.logging;
