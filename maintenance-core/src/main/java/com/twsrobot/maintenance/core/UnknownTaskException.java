package com.twsrobot.maintenance.core;

/** A request named a task or group nobody registered; the message lists the known ones. */
public class UnknownTaskException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnknownTaskException(String message) {
        super(message);
    }
}
