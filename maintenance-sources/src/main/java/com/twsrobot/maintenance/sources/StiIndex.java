package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;

import java.util.regex.Pattern;

/** The Straits Times Index, from Wikipedia. */
public final class StiIndex extends BuiltInIndex {

    /**
     * Singapore's Straits Times Index: SGX codes with {@code .SI}, at least 25 members; quarterly reviews
     * change 1–3 of 30, so 10 % (3 names) warns and 20 % (6) fails.
     */
    public static final IndexSpec SPEC = new IndexSpec("sti", "sti_constituents", "STI",
            "sti_constituents.csv", Pattern.compile("[A-Z0-9]{2,5}\\.SI"),
            "SGX code with .SI suffix, e.g. D05.SI", 25, true, "XSES", new IndexSpec.Churn(0.10, 0.20));

    public StiIndex() {
        super(SPEC, StiSource::new);
    }
}
