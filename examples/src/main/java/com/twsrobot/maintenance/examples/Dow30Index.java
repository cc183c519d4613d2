package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;

import java.util.regex.Pattern;

/**
 * A fourth index added purely as a plug-in (this class and one line in
 * {@code META-INF/services/com.twsrobot.maintenance.api.ConstituentIndex}): the Dow Jones Industrial
 * Average, read from a list this example ships. The runner gets a {@code djia_constituents} task, and
 * the CLI's help, {@code status}, reports and the console's cards show it, with no other module changed.
 */
public final class Dow30Index implements ConstituentIndex {

    /** The index's key, also the key of its URL override ({@code --source-url djia=file:...}). */
    public static final String KEY = "djia";

    /**
     * Its members trade on the NYSE's calendar (the market-open warning watches it); a change is rare (a
     * name or two a year), so more than 1 of 30 replaced warns and more than 3 fails.
     */
    static final IndexSpec SPEC = new IndexSpec(KEY, KEY + "_constituents", "Dow 30", KEY + "_constituents.csv",
            Pattern.compile("[A-Z]{1,5}"), "US ticker in upper case, e.g. AAPL", 28, false, "XNYS",
            new IndexSpec.Churn(0.04, 0.10));

    @Override
    public IndexSpec spec() {
        return SPEC;
    }

    @Override
    public ConstituentSource source() {
        return new Dow30Source();
    }
}
