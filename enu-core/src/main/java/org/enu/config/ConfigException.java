package org.enu.config;

/** A bad configuration value: the message names the key path and the reason, on one line. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
