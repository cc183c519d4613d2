package com.twsrobot.maintenance.api.events;

/** A provider could not fetch at all; the message names what was tried. Its rows stay untouched. */
public class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what was tried and why it failed
     */
    public ProviderException(String message) {
        super(message);
    }

    /**
     * An exception with a message and its cause.
     *
     * @param message what was tried and why it failed
     * @param cause   the underlying failure
     */
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
