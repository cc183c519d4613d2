package com.twsrobot.maintenance.api.http;

import java.util.ArrayList;
import java.util.List;

/**
 * What the tries of an exchange met, in an operator's words: a sentence repeated by consecutive tries is
 * said once with their count ({@code could not connect to ... (3 tries)}), not once per try.
 */
public final class TryHistory {

    private TryHistory() {
    }

    /**
     * The history with each run of identical consecutive entries made one.
     *
     * @param history one entry per try (and why the stack stopped), as {@link HttpFailure#history()} and
     *                {@link HttpStack.Exchange#history()} give it
     * @return the entries in order, a repeated one followed by {@code (N tries)}
     */
    public static List<String> collapsed(List<String> history) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < history.size()) {
            String entry = history.get(i);
            int run = 1;
            while (i + run < history.size() && history.get(i + run).equals(entry)) {
                run++;
            }
            out.add(run == 1 ? entry : entry + " (" + run + " tries)");
            i += run;
        }
        return List.copyOf(out);
    }
}
