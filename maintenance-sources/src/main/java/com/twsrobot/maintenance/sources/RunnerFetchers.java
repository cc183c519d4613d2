package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.HttpSettings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source's page fetchers, one per runner's network settings ({@link HttpSettings}, handed with each
 * fetch): built on first use and reused by every later fetch with the same settings, so a runner's
 * fetches share a client while two runners with different settings never do. A source built with a
 * fixed fetcher (a test's) always uses that one.
 */
public final class RunnerFetchers {

    private final PageFetcher fixed;
    private final Map<HttpSettings, PageFetcher> bySettings = new ConcurrentHashMap<>();

    private RunnerFetchers(PageFetcher fixed) {
        this.fixed = fixed;
    }

    /** Fetchers built from each runner's settings. */
    public static RunnerFetchers perRunner() {
        return new RunnerFetchers(null);
    }

    /** Always {@code fetcher}, whatever the runner's settings. */
    public static RunnerFetchers fixed(PageFetcher fetcher) {
        return new RunnerFetchers(fetcher);
    }

    /** The fetcher for these settings. */
    public PageFetcher forSettings(HttpSettings http) {
        return fixed != null ? fixed : bySettings.computeIfAbsent(http, PageFetcher::forRunner);
    }
}
