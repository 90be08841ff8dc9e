/**
 * Logging of the reference server: set up in code, text or JSON lines ({@code PROVISIO_LOG_FORMAT}),
 * each record one line whatever a client put in it.
 */
package org.provisio.server.logging;
