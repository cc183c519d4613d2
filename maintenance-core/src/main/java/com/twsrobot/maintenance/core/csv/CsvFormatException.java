package com.twsrobot.maintenance.core.csv;

/** A CSV file could not be read; the message says where. */
public class CsvFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }
}
