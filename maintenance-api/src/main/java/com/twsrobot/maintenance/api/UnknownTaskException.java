package com.twsrobot.maintenance.api;

/** A request named a task or group the runner does not know; the message lists the known ones. */
public class UnknownTaskException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * An unknown name.
     *
     * @param message names the unknown name and lists the known ones
     */
    public UnknownTaskException(String message) {
        super(message);
    }
}
