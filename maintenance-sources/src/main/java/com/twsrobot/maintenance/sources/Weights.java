package com.twsrobot.maintenance.sources;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** A weight in percent as a page or a holdings file writes it: {@code 1.01}, {@code "6,543.21"}, {@code 7.02%}. */
public final class Weights {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");

    private Weights() {
    }

    /**
     * The percentage in {@code cell}: thousands separators, a trailing {@code %} and spaces dropped; empty
     * when what is left is not a plain non-negative number (a weight is never negative, never a word).
     */
    public static OptionalDouble percent(String cell) {
        String s = cell == null ? "" : cell.replace('\u00A0', ' ').replace(",", "").replace("%", "").strip();
        if (!NUMBER.matcher(s).matches()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
