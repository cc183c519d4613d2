package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;

/** The Straits Times Index (from Wikipedia) as an index plug-in, discovered like any other. */
public final class StiIndex implements ConstituentIndex {

    @Override
    public IndexSpec spec() {
        return IndexSpec.STI;
    }

    @Override
    public ConstituentSource source() {
        return new StiSource();
    }
}
