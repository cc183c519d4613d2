package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.io.FaultHook;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.RecordingCacheInvalidator;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure at any file operation never changes the target unless the whole apply succeeded. */
class FailureInjectionPropertiesTest {

    @Property(tries = 150)
    void anInjectedFailureLeavesTheTargetAsItWasOrFullyReplaced(@ForAll @IntRange(min = 0, max = 14) int failAt,
                                                                 @ForAll boolean runtimeFailure) throws Exception {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            byte[] original = Fixtures.currentConstituents("hsi_constituents.csv");
            AtomicInteger step = new AtomicInteger();
            FaultHook hook = (name, path) -> {
                if (step.getAndIncrement() == failAt) {
                    if (runtimeFailure) {
                        throw new IllegalStateException("injected at " + name + " of " + path);
                    }
                    throw new IOException("injected at " + name + " of " + path);
                }
            };
            RecordingCacheInvalidator caches = new RecordingCacheInvalidator();
            // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
            MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .clock(MutableClock.at("2026-06-24T00:15:00Z")).progressListener(m -> { }).faultHook(hook)
                    .cacheInvalidator(caches).source(FakeSource.returning("hsi", Rows.hkexCodes(80))).build();

            RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());

            TaskResult result = report.results().isEmpty() ? null : report.results().get(0);
            boolean written = result != null && Boolean.TRUE.equals(result.detail().written());
            byte[] now = ws.readData("hsi_constituents.csv");
            if (written) {
                assertThat(new String(now)).contains("0080.HK,0080,Hong Kong Co 80");
                assertThat(caches.invalidated()).containsExactly("hsi");
            } else {
                assertThat(now).isEqualTo(original);
                assertThat(caches.invalidated()).isEmpty();
                assertThat(report.status().isFailure()).isTrue();
            }
            try (Stream<java.nio.file.Path> files = Files.list(ws.dataDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }
}
