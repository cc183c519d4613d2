package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.CacheInvalidator;

/**
 * A plug-in cache invalidator: listed in
 * {@code META-INF/services/com.twsrobot.maintenance.api.CacheInvalidator}, so every runner on this
 * class path calls it after a constituent file was replaced.
 */
public final class ScreenerCacheInvalidator implements CacheInvalidator {

    @Override
    public String name() {
        return "screener-cache";
    }

    @Override
    public void invalidate(String index) {
        ScreenerCache.evict(index);
    }
}
