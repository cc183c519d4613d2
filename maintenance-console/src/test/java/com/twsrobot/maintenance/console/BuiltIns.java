package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.sources.HsiIndex;
import com.twsrobot.maintenance.sources.Sp500Index;
import com.twsrobot.maintenance.sources.StiIndex;

import java.util.List;

/** The built-in indices, for this module's runners built without discovery. */
final class BuiltIns {

    static final List<IndexSpec> SPECS = List.of(Sp500Index.SPEC, StiIndex.SPEC, HsiIndex.SPEC);

    private BuiltIns() {
    }
}
