package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;

import java.util.function.Supplier;

/** One of the three indices this module brings, as an index plug-in discovered like any other. */
abstract class BuiltInIndex implements ConstituentIndex {

    private final IndexSpec spec;
    private final Supplier<ConstituentSource> source;

    BuiltInIndex(IndexSpec spec, Supplier<ConstituentSource> source) {
        this.spec = spec;
        this.source = source;
    }

    @Override
    public IndexSpec spec() {
        return spec;
    }

    @Override
    public ConstituentSource source() {
        return source.get();
    }
}
