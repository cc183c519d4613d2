package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Reports;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Warnings and errors carry stable codes into the report (detail.notices) and back; old reports read as unspecified. */
class NoticeCodesTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private RunReport preview(FakeSource source, String task) {
        return MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(source).build().run(RunRequest.dryRun(task));
    }

    @Test
    void aLargeCountChangeIsCodedAndNamesItsIndex() throws Exception {
        RunReport report = preview(FakeSource.returning("hsi", Rows.hkexCodes(40)), "hsi_constituents");
        TaskResult r = Reports.only(report);

        assertThat(r.validation().notices()).filteredOn(n -> n.code() == NoticeCode.COUNT_CHANGE).singleElement()
                .satisfies(n -> {
                    assertThat(n.severity()).isEqualTo(Notice.Severity.ERROR);
                    assertThat(n.index()).isEqualTo("hsi");
                    assertThat(r.validation().errors()).contains(n.message());
                });
        assertThat(r.notices()).extracting(Notice::code).contains(NoticeCode.VALIDATION_FAILED);
        assertThat(r.has(NoticeCode.COUNT_CHANGE)).isTrue();
        assertThat(r.has(NoticeCode.SOURCE_FAILED)).isFalse();

        // The report keeps the messages where they were and the codes in detail.notices; both read back.
        JsonNode json = ReportJson.mapper().readTree(Files.readString(ws.reportsDir().resolve(report.reportId() + ".json")));
        JsonNode result = json.get("results").get(0);
        assertThat(result.get("validation").get("errors").get(0).isTextual()).isTrue();
        assertThat(result.get("detail").get("notices").toString()).contains("\"code\":\"count_change\"",
                "\"severity\":\"error\"", "\"scope\":\"validation\"", "\"index\":\"hsi\"",
                "\"code\":\"validation_failed\"", "\"scope\":\"task\"");
        RunReport read = ReportJson.read(ReportJson.write(report));
        assertThat(Reports.only(read).validation().notices()).containsExactlyInAnyOrderElementsOf(r.validation().notices());
        assertThat(Reports.only(read).notices()).isEqualTo(r.notices());
        assertThat(TaskDetails.toMap(Reports.only(read).detail())).doesNotContainKey(NoticeJson.KEY);
        assertThat(ReportJson.write(read)).isEqualTo(ReportJson.write(report));
    }

    @Test
    void aRunDuringMarketHoursCarriesAMarketOpenCodeInTheRunsDetail() throws Exception {
        clock.set(java.time.Instant.parse("2026-06-24T15:00:00Z")); // a Wednesday, 11:00 in New York
        RunReport report = preview(FakeSource.returning("sp500", Rows.usTickers(503)), "sp500_constituents");
        assertThat(report.notices()).filteredOn(n -> n.code() == NoticeCode.MARKET_OPEN).isNotEmpty()
                .allSatisfy(n -> assertThat(report.warnings()).contains(n.message()));
        JsonNode json = ReportJson.mapper().readTree(Files.readString(ws.reportsDir().resolve(report.reportId() + ".json")));
        assertThat(json.get("warnings").get(0).isTextual()).isTrue();
        assertThat(json.get("detail").get("notices").toString()).contains("\"code\":\"market_open\"", "\"scope\":\"run\"");
        assertThat(ReportJson.read(ReportJson.write(report)).notices()).isEqualTo(report.notices());
    }

    @Test
    void aFailedSourceIsCodedSourceFailed() {
        TaskResult r = Reports.only(preview(FakeSource.failing("sti", "the page answered 503"), "sti_constituents"));
        assertThat(Reports.codes(r)).containsExactly(NoticeCode.SOURCE_FAILED);
        assertThat(Reports.notice(r, NoticeCode.SOURCE_FAILED).message()).contains("the page answered 503");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reports.notice(r, NoticeCode.CHURN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("has no churn notice", "[SOURCE_FAILED]");
        assertThat(r.notices()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo(NoticeCode.SOURCE_FAILED);
            assertThat(n.message()).contains("the page answered 503");
        });
    }

    @Test
    void aReportWrittenBeforeCodesReadsEveryMessageAsUnspecified() throws Exception {
        RunReport old = ReportJson.read(GoldenFiles.json(GoldenFiles.PREVIEW));
        TaskResult hsi = Reports.result(old, "hsi_constituents");
        assertThat(hsi.validation().errors()).anyMatch(e -> e.startsWith("count changes from 49 to 85"));
        assertThat(hsi.validation().notices()).isNotEmpty().allMatch(n -> n.code() == NoticeCode.UNSPECIFIED);
        assertThat(hsi.notices()).isNotEmpty().allMatch(n -> n.code() == NoticeCode.UNSPECIFIED);
    }

    @Test
    void aCodeThisVersionDoesNotKnowReadsAsUnspecifiedAndAPlugInsMessageHasNoEntry() throws Exception {
        TaskResult plugin = TaskResult.builder("my_task", true, clock.instant()).warning("a plug-in's own words")
                .warning(NoticeCode.CHURN, "coded").finish(clock.instant());
        RunReport report = new RunReport("maintenance_20260624_001500", plugin.status(), true, clock.instant(),
                clock.instant(), 0, List.of(plugin), List.of(), com.twsrobot.maintenance.api.RunDetail.none());
        String json = ReportJson.write(report);
        assertThat(json).doesNotContain("\"message\" : \"a plug-in's own words\"").contains("\"code\" : \"churn\"");
        RunReport later = ReportJson.read(json.replace("\"code\" : \"churn\"", "\"code\" : \"a_later_code\""));
        assertThat(Reports.only(later).notices()).extracting(Notice::code)
                .containsExactly(NoticeCode.UNSPECIFIED, NoticeCode.UNSPECIFIED);
        assertThat(Reports.only(later).warnings()).containsExactly("a plug-in's own words", "coded");
    }
}
