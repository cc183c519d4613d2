package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The content's own date: recorded in the report, kept between runs, shown by status, judged by health. */
class ContentDateTest {

    private static final Instant EDITED = Instant.parse("2026-06-25T14:02:00Z");

    private final TempWorkspace ws = TempWorkspace.create();
    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunner runner(FakeSource source) {
        return MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(source).build();
    }

    private static List<ConstituentRow> sp500() throws Exception {
        return ConstituentFile.parse(Fixtures.currentConstituents("sp500_constituents.csv"), "fixture").table().rows();
    }

    @Test
    void aSnapshotAppliedAMinuteAgoIsStillOldContent() throws Exception {
        FakeSource source = FakeSource.returning("sp500", sp500())
                .content(new ContentDate(Optional.of(EDITED), "the page's last-edited line", ContentDate.Origin.SNAPSHOT));
        MaintenanceRunner runner = runner(source);
        RunReport report = runner.run(RunRequest.builder().task("sp500_constituents").apply().build());
        TaskResult r = report.results().get(0);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("bundled snapshot's content is as of 2026-06-25",
                "and is being applied", "160 days old, older than stale_after_days (30)"));
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) com.twsrobot.maintenance.core.report.TaskDetails.toMap(r.detail()).get("content");
        assertThat(content).containsEntry("as_of", "2026-06-25T14:02:00Z").containsEntry("origin", "snapshot")
                .containsEntry("basis", "the page's last-edited line");

        clock.advance(Duration.ofMinutes(1));
        // A new runner reads the date back from the report that wrote the file's current version.
        MaintenanceRunner later = runner(source);
        IndexStatus status = later.status().indexes().stream().filter(i -> i.index().equals("sp500")).findFirst().orElseThrow();
        assertThat(status.content()).map(c -> c.asOf().orElseThrow()).contains(EDITED);
        assertThat(status.contentNote()).isEqualTo("content as of 2026-06-25, 160 days old, from the bundled snapshot");
        MaintenanceHealth.Part part = MaintenanceHealth.of(later).parts().stream().filter(p -> p.name().equals("sp500"))
                .findFirst().orElseThrow();
        assertThat(part.ageSeconds()).get().matches(s -> s < 3600, "the file itself is fresh");
        assertThat(part.state()).isEqualTo("warn");
        assertThat(part.reason()).contains("content as of 2026-06-25", "more than 30 days");
        assertThat(part.contentAgeSeconds()).get().matches(s -> s / 86_400 == 160);
    }

    @Test
    void freshContentIsNeitherWarnedNorAmber() throws Exception {
        FakeSource source = FakeSource.returning("sp500", sp500())
                .content(new ContentDate(Optional.of(Instant.parse("2026-12-01T08:00:00Z")), "Last-Modified",
                        ContentDate.Origin.LIVE));
        RunReport report = runner(source).run(RunRequest.builder().task("sp500_constituents").apply().build());
        assertThat(report.results().get(0).warnings()).noneMatch(w -> w.contains("content is as of"));
        MaintenanceHealth.Part part = MaintenanceHealth.of(runner(source)).parts().stream()
                .filter(p -> p.name().equals("sp500")).findFirst().orElseThrow();
        assertThat(part.reason()).doesNotContain("content as of");
        assertThat(runner(source).status().indexes().get(0).contentNote())
                .isEqualTo("content as of 2026-12-01, 2 days old, from the live page");
    }
}
