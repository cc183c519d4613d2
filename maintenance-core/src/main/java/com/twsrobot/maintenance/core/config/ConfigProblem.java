package com.twsrobot.maintenance.core.config;

/**
 * One thing wrong in a config file.
 *
 * @param line    the line the entry starts on (1-based), or 0 for the file as a whole
 * @param key     the key as written, or "" for the file as a whole
 * @param value   the value as written (trimmed), or ""
 * @param message a sentence naming the key and the value and saying what would be right
 */
public record ConfigProblem(int line, String key, String value, String message) {

    /** {@code line N: message}, or the message alone for the file as a whole. */
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
