package com.twsrobot.maintenance.sources.host;

/** The host could not be used; the message says why in the operator's terms (what, where, what to do). */
public final class HostApiException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostApiException(String message) {
        super(message);
    }
}
