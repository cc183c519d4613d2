package com.twsrobot.maintenance.api;

/** A source could not produce a table; the message names what was tried and why it failed. */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what was tried and why it failed
     */
    public SourceException(String message) {
        super(message);
    }

    /**
     * An exception with a message and its cause.
     *
     * @param message what was tried and why it failed
     * @param cause   the underlying failure
     */
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
