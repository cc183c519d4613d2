package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

import java.util.regex.Pattern;

/** The S&amp;P 500, from Wikipedia's list of its companies. */
public final class Sp500Index extends BuiltInIndex {

    /** The S&amp;P 500: US tickers, at least 450 members, NYSE sessions; a few of 500 change a month. */
    public static final IndexSpec SPEC = new IndexSpec("sp500", "sp500_constituents", "S&P 500",
            "sp500_constituents.csv", Pattern.compile("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?"),
            "US ticker in upper case with '-' for share classes, e.g. BRK-B", 450, false, "XNYS", null);

    public Sp500Index() {
        super(SPEC, Sp500Source::new);
    }
}
