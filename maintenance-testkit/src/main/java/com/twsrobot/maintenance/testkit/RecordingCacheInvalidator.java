package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.CacheInvalidator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers which indexes it was told about, in order; can be told to fail. */
public final class RecordingCacheInvalidator implements CacheInvalidator {

    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private volatile String failure;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void invalidate(String index) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        invalidated.add(index);
    }

    /** Index keys invalidated so far, e.g. {@code [ftse100, dax]}. */
    public List<String> invalidated() {
        return List.copyOf(invalidated);
    }

    /** Makes later calls throw with {@code message}. */
    public RecordingCacheInvalidator failWith(String message) {
        this.failure = message;
        return this;
    }
}
