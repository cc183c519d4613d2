package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

/** The S&amp;P 500, from Wikipedia's list of its companies. */
public final class Sp500Index extends BuiltInIndex {

    public Sp500Index() {
        super(IndexSpec.SP500, Sp500Source::new);
    }
}
