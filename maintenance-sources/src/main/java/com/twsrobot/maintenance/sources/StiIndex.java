package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

/** The Straits Times Index, from Wikipedia. */
public final class StiIndex extends BuiltInIndex {

    public StiIndex() {
        super(IndexSpec.STI, StiSource::new);
    }
}
