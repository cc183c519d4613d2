package com.twsrobot.maintenance.core.validation;

import java.util.List;

/** Keeps long lists in messages readable. */
final class Messages {

    private static final int SHOWN = 10;

    private Messages() {
    }

    /** The first ten items, then "and N more". */
    static String listSome(List<String> items) {
        if (items.size() <= SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
    }
}
