package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.core.validation.ValidatorChain;
import com.twsrobot.maintenance.sources.HsiSource;
import com.twsrobot.maintenance.sources.Sp500Source;
import com.twsrobot.maintenance.sources.StiSource;
import com.twsrobot.maintenance.sources.WikipediaIndexSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** (1) Parse + normalise + validate one offline index page, warm. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PageParseBenchmark {

    @Param({"sp500", "sti", "hsi"})
    public String index;

    private String html;
    private WikipediaIndexSource source;
    private IndexSpec spec;
    private final ValidatorChain validators = new ValidatorChain(ValidatorChain.builtIn());

    @Setup
    public void load() {
        switch (index) {
            case "sp500" -> {
                html = Fixtures.page("wikipedia_sp500.html");
                source = new Sp500Source();
                spec = com.twsrobot.maintenance.sources.Sp500Index.SPEC;
            }
            case "sti" -> {
                html = Fixtures.page("wikipedia_sti.html");
                source = new StiSource();
                spec = com.twsrobot.maintenance.sources.StiIndex.SPEC;
            }
            default -> {
                html = Fixtures.page("wikipedia_hsi.html");
                source = new HsiSource();
                spec = com.twsrobot.maintenance.sources.HsiIndex.SPEC;
            }
        }
    }

    @Benchmark
    public ValidationResult parseNormaliseValidate() throws Exception {
        SourceResult result = source.parse(html, "bench://" + index);
        return validators.validate(new ValidationInput(spec, result.table(), Optional.empty(),
                new ValidationPolicy(spec.minimumRows(), 0.10, 0.25, false), result.recordsParsed()));
    }
}
