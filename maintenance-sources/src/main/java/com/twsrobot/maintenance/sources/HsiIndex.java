package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

/** The Hang Seng Index, from Wikipedia. */
public final class HsiIndex extends BuiltInIndex {

    public HsiIndex() {
        super(IndexSpec.HSI, HsiSource::new);
    }
}
