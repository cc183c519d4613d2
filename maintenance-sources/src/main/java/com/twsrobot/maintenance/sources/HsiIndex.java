package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

import java.util.regex.Pattern;

/** The Hang Seng Index, from Wikipedia. */
public final class HsiIndex extends BuiltInIndex {

    /**
     * Hong Kong's Hang Seng Index: HKEX codes with {@code .HK}, at least 70 members; reviews change 1–5 of
     * 85, so 5 % (4 names) warns and 15 % (12) fails.
     */
    public static final IndexSpec SPEC = new IndexSpec("hsi", "hsi_constituents", "HSI",
            "hsi_constituents.csv", Pattern.compile("[0-9]{4,5}\\.HK"),
            "HKEX code zero-padded to four digits with .HK suffix, e.g. 0005.HK", 70, true, "XHKG",
            new IndexSpec.Churn(0.05, 0.15));

    public HsiIndex() {
        super(SPEC, HsiSource::new);
    }
}
