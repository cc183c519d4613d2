package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.testkit.FakeSource;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The core's tests' indices: the three built-in indices' specs as the sources module's plug-ins bring
 * them (this module cannot see that module), registered in this module's test {@code META-INF/services}
 * so that a runner with discovery finds them, and given to runners without discovery.
 */
public final class TestIndexes {

    public static final IndexSpec SP500 = new IndexSpec("sp500", "sp500_constituents", "S&P 500",
            "sp500_constituents.csv", Pattern.compile("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?"),
            "US ticker in upper case with '-' for share classes, e.g. BRK-B", 450, false, "XNYS", null);
    public static final IndexSpec STI = new IndexSpec("sti", "sti_constituents", "STI",
            "sti_constituents.csv", Pattern.compile("[A-Z0-9]{2,5}\\.SI"),
            "SGX code with .SI suffix, e.g. D05.SI", 25, true, "XSES", new IndexSpec.Churn(0.10, 0.20));
    public static final IndexSpec HSI = new IndexSpec("hsi", "hsi_constituents", "HSI",
            "hsi_constituents.csv", Pattern.compile("[0-9]{4,5}\\.HK"),
            "HKEX code zero-padded to four digits with .HK suffix, e.g. 0005.HK", 70, true, "XHKG",
            new IndexSpec.Churn(0.05, 0.15));
    public static final List<IndexSpec> ALL = List.of(SP500, STI, HSI);

    private TestIndexes() {
    }

    /** A plug-in for one of them whose source fails: a test gives the builder the source it wants. */
    abstract static class Plugin implements ConstituentIndex {
        private final IndexSpec spec;

        Plugin(IndexSpec spec) {
            this.spec = spec;
        }

        @Override
        public IndexSpec spec() {
            return spec;
        }

        @Override
        public ConstituentSource source() {
            return FakeSource.failing(spec.index(), "no source given to this test's runner");
        }
    }

    public static final class Sp500 extends Plugin {
        public Sp500() {
            super(SP500);
        }
    }

    public static final class Sti extends Plugin {
        public Sti() {
            super(STI);
        }
    }

    public static final class Hsi extends Plugin {
        public Hsi() {
            super(HSI);
        }
    }
}
