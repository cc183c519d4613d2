package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ConstituentDetail;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.TestIndexes;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.RecordingTaskContext;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A constituent task run without the runner (a host's test, a plug-in's wrapper) returns its detail as the record. */
class ConstituentTaskDetailTest {

    @Test
    void aDirectRunOfTheConstituentTaskCarriesItsRecordNotBareFacts() throws Exception {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(TestIndexes.ALL)
                    .source(FakeSource.returning("hsi", Rows.hkexCodes(85))).build();
            MaintenanceTask task = runner.registry().resolve(List.of("hsi_constituents")).get(0);
            Clock clock = Clock.fixed(Instant.parse("2026-06-24T00:15:00Z"), ZoneOffset.UTC);

            TaskResult result = task.run(RecordingTaskContext.dryRun(ws, clock));

            assertThat(result.detail()).isInstanceOf(ConstituentDetail.class);
            ConstituentDetail detail = (ConstituentDetail) result.detail();
            assertThat(detail.file()).endsWith("hsi_constituents.csv");
            assertThat(detail.proposedRows()).isEqualTo(85);
        }
    }
}
