package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;

/** The S&amp;P 500 (from Wikipedia's list of S&amp;P 500 companies) as an index plug-in, discovered like any other. */
public final class Sp500Index implements ConstituentIndex {

    @Override
    public IndexSpec spec() {
        return IndexSpec.SP500;
    }

    @Override
    public ConstituentSource source() {
        return new Sp500Source();
    }
}
