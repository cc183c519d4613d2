package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.testkit.FakeSource;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link CrashTest}: applies version A, then B, then A ... of the HSI file for ever,
 * printing a line after each apply, until it is killed.
 */
public final class ApplyChild {

    private ApplyChild() {
    }

    public static void main(String[] args) {
        FakeSource source = FakeSource.returning("hsi", CrashTest.versionA());
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(Path.of(args[0])).reportsDir(Path.of(args[1]))
                .progressListener(m -> { }).source(source).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).build();
        for (int i = 0; ; i++) {
            List<ConstituentRow> rows = i % 2 == 0 ? CrashTest.versionA() : CrashTest.versionB();
            source.answer(rows);
            RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            System.out.println("applied " + i + " " + report.status().wireName());
            System.out.flush();
        }
    }
}
