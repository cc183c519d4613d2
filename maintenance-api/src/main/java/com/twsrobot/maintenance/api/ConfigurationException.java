package com.twsrobot.maintenance.api;

/**
 * A setting that cannot be used — a builder value out of range, a malformed config file entry, an
 * unknown key, a schedule that does not parse — with a message naming the setting (and the file, where
 * there is one). The one exception type for configuration errors; unchecked, and an
 * {@link IllegalArgumentException} so callers that catch that still do.
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message the setting, what is wrong with it, and what would be right
     */
    public ConfigurationException(String message) {
        super(message);
    }
}
