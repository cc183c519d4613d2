package com.twsrobot.maintenance.api.events;

/** A provider could not fetch at all; the message names what was tried. Its rows stay untouched. */
public class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
