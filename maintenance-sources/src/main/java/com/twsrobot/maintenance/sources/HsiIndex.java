package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;

/** The Hang Seng Index (from Wikipedia) as an index plug-in, discovered like any other. */
public final class HsiIndex implements ConstituentIndex {

    @Override
    public IndexSpec spec() {
        return IndexSpec.HSI;
    }

    @Override
    public ConstituentSource source() {
        return new HsiSource();
    }
}
