package com.twsrobot.maintenance.api;

/** A source could not produce a table; the message names what was tried and why it failed. */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
