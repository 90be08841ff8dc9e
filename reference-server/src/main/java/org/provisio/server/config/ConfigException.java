package org.provisio.server.config;

/** A configuration value that cannot be used; its message is the one line printed at start-up. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
