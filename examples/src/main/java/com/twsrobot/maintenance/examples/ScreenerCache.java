package com.twsrobot.maintenance.examples;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the host's in-memory screener universes, one per index. */
public final class ScreenerCache {

    private static final Map<String, Set<String>> UNIVERSES = new ConcurrentHashMap<>();

    private ScreenerCache() {
    }

    public static void load(String index, Set<String> symbols) {
        UNIVERSES.put(index, Set.copyOf(symbols));
    }

    public static boolean isLoaded(String index) {
        return UNIVERSES.containsKey(index);
    }

    /** Drops an index's universe; the next screener load reads the refreshed file. */
    public static void evict(String index) {
        UNIVERSES.remove(index);
    }
}
