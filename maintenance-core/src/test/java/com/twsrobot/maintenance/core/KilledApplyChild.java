package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Rows;

import java.nio.file.Path;

/**
 * The child JVM of {@link RecordKeepingTest}: applies 79 HSI rows and, once the file is replaced (the
 * cache invalidators are told after the rename), prints {@code replaced} and waits to be killed.
 */
public final class KilledApplyChild {

    private KilledApplyChild() {
    }

    public static void main(String[] args) {
        CacheInvalidator waitForTheKill = new CacheInvalidator() {
            @Override
            public String name() {
                return "wait-for-the-kill";
            }

            @Override
            public void invalidate(String index) throws Exception {
                System.out.println("replaced");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        };
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(Path.of(args[0]))
                .reportsDir(Path.of(args[1])).progressListener(m -> { })
                .source(FakeSource.returning("hsi", Rows.hkexCodes(79))).cacheInvalidator(waitForTheKill)
                .discover(false).indexes(TestIndexes.ALL).build();
        runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        System.out.println("finished, which it must not");
    }
}
