package com.twsrobot.maintenance.console;

/** A request the console refuses with a status and a one-sentence message. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    static BadRequestException badRequest(String message) {
        return new BadRequestException(400, message);
    }

    int status() {
        return status;
    }
}
