package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ConstituentDetail;
import com.twsrobot.maintenance.api.EventSyncDetail;
import com.twsrobot.maintenance.api.FileWriteDetail;
import com.twsrobot.maintenance.api.PluginDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskDetail;
import com.twsrobot.maintenance.testkit.Reports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A task's detail read as its kind's record, from the golden reports an earlier version wrote. */
class TaskDetailsTest {

    @Test
    void aConstituentPreviewReadsAsAConstituentDetail() throws Exception {
        RunReport preview = ReportJson.read(GoldenFiles.json(GoldenFiles.PREVIEW));
        ConstituentDetail sti = Reports.result(preview, "sti_constituents").detail().asConstituent().orElseThrow();
        assertThat(sti.planId()).isEqualTo(GoldenFiles.PREVIEW);
        assertThat(sti.planSha256()).hasSize(64);
        assertThat(sti.changed()).isTrue();
        assertThat(sti.content().origin()).isEqualTo("snapshot");
        assertThat(sti.content().ageDays()).isEqualTo(162L);
        assertThat(sti.changedRows()).anySatisfy(c -> {
            assertThat(c.symbol()).isEqualTo("BN4.SI");
            assertThat(c.oldValue()).isEqualTo("Keppel");
            assertThat(c.newValue()).isEqualTo("Keppel Corporation");
        });
        assertThat(sti.renames()).anySatisfy(r -> {
            assertThat(r.oldSymbol()).isEqualTo("T39.SI");
            assertThat(r.newSymbol()).isEqualTo("5E2.SI");
        });
        assertThat(sti.changeClassification().judged()).isFalse();
        ConstituentDetail sp500 = Reports.result(preview, "sp500_constituents").detail().asConstituent().orElseThrow();
        assertThat(sp500.changeClassification().added()).anySatisfy(c -> {
            assertThat(c.symbol()).isEqualTo("FDXF");
            assertThat(c.effective()).isEqualTo("2026-06-01");
        });
    }

    @Test
    void anApplyReadsItsWriteAndAnEventSyncItsProviders() throws Exception {
        RunReport apply = ReportJson.read(GoldenFiles.json(GoldenFiles.APPLY_PLAN));
        TaskDetail sti = Reports.result(apply, "sti_constituents").detail();
        assertThat(sti.written()).isTrue();
        assertThat(sti.backupId()).isEqualTo("20261203_112317");
        assertThat(sti.asConstituent().orElseThrow().cacheInvalidation()).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo("ok"));

        RunReport events = ReportJson.read(GoldenFiles.json(GoldenFiles.EVENTS));
        EventSyncDetail sync = Reports.only(events).detail().asEventSync().orElseThrow();
        assertThat(sync.mode()).isEqualTo("refresh");
        assertThat(sync.totals().insertedCount()).isEqualTo(2);
        assertThat(sync.changed()).isTrue();
        assertThat(sync.providers()).extracting(EventSyncDetail.ProviderRun::provider)
                .contains("fomc", "us_market_calendar", "yahoo_calendar");
        assertThat(sync.changes()).extracting(EventSyncDetail.Change::eventType).contains("MARKET_HOLIDAY");
        assertThat(sync.window().daysAhead()).isEqualTo(28);
    }

    @Test
    void aReportsRunWideFactsReadAsARunDetail() throws Exception {
        com.twsrobot.maintenance.api.RunDetail apply = ReportJson.read(GoldenFiles.json(GoldenFiles.APPLY_PLAN)).detail();
        assertThat(apply.mode()).isEqualTo("APPLY of plan " + GoldenFiles.PREVIEW);
        assertThat(apply.trigger()).isEqualTo("manual");
        assertThat(apply.lockHeldBy()).isNull();
        assertThat(apply.prunedReports()).isNull();
        assertThat(apply.replacements()).isNotEmpty().allSatisfy(r -> assertThat(r.newSha256()).hasSize(64));
        assertThat(apply.extra().values()).isEmpty();
    }

    @Test
    void aRunWideFactNoComponentNamesOrOfAnotherShapeIsKeptAsWritten() throws Exception {
        Map<String, Object> written = new java.util.LinkedHashMap<>();
        written.put("lock_held_by", "pid 7 on h");
        written.put("pruned_reports", "not a list");
        written.put("pid", 42);
        written.put("pending_replacements", List.of(Map.of("file", "/d/a.csv", "old_sha256", "o", "new_sha256", "n")));
        written.put("host_label", Map.of("rack", 3));
        written.put("replacements", List.of(Map.of("file", "/d/b.csv", "new_sha256", "n", "signed_by", "x")));
        com.twsrobot.maintenance.api.RunDetail run = TaskDetails.ofRun(written);

        assertThat(run.lockHeldBy()).isEqualTo("pid 7 on h");
        assertThat(run.pid()).isEqualTo(42L);
        assertThat(run.pendingReplacements()).containsExactly(
                new com.twsrobot.maintenance.api.RunDetail.Replacement("/d/a.csv", "o", "n"));
        assertThat(run.prunedReports()).isNull();
        assertThat(run.replacements()).isNull();
        assertThat(run.extra().values()).containsOnlyKeys("pruned_reports", "host_label", "replacements");
        com.fasterxml.jackson.databind.ObjectMapper json = ReportJson.mapper();
        com.fasterxml.jackson.databind.JsonNode back = json.readTree(json.writeValueAsString(TaskDetails.toMap(run)));
        assertThat(back.equals(json.readTree(json.writeValueAsString(written))))
                .as("nothing lost, nothing added (key order free): " + back).isTrue();
    }

    @Test
    void aPlugInsFileWriteIsTypedAndAnyOtherDetailIsTheOpenExtension() throws Exception {
        RunReport plugins = ReportJson.read(GoldenFiles.json(GoldenFiles.PLUGINS));
        TaskDetail screener = Reports.result(plugins, "screener_universe").detail();
        assertThat(screener).isInstanceOf(FileWriteDetail.class);
        assertThat(screener.written()).isTrue();
        assertThat(screener.changed()).isTrue();
        TaskDetail watchlist = Reports.result(plugins, "watchlist_coverage").detail();
        assertThat(watchlist.asPlugin()).isPresent();
        assertThat(watchlist.message()).startsWith("no watchlist at ");

        // A key no kind writes, or a value of another shape, keeps every fact in the extension.
        TaskDetail odd = TaskDetails.of(Map.of("file", "x.csv", "coverage", 0.9));
        assertThat(odd.asPlugin().orElseThrow().values()).containsEntry("coverage", 0.9);
        assertThat(TaskDetails.of(Map.of("renames", "not a list"))).isInstanceOf(PluginDetail.class);
        assertThat(TaskDetails.of(Map.of()).asPlugin().orElseThrow().values()).isEmpty();
        TaskDetail files = TaskDetails.of(Map.of("files", List.of(Map.of("index", "x", "file", "x.csv", "rows", 3,
                "validation", "passed"))));
        assertThat(files).isInstanceOf(com.twsrobot.maintenance.api.LocalFilesDetail.class);
        assertThat(((com.twsrobot.maintenance.api.LocalFilesDetail) files).files()).singleElement()
                .satisfies(f -> assertThat(f.rows()).isEqualTo(3));
        assertThat(files.changed()).isNull(); // validation states no change
    }

    @Test
    void aRecordIsOnlyWhatItWritesBackAndAnAbsentListStaysAbsent() {
        // "renames" absent and "changed_rows" empty: the record keeps the difference, and writes both back so.
        Map<String, Object> read = new java.util.LinkedHashMap<>();
        read.put("file", "data/hsi.csv");
        read.put("changed_rows", List.of());
        read.put("changed", false);
        TaskDetail typed = TaskDetails.of(read);
        assertThat(typed.asConstituent().orElseThrow().renames()).isNull();
        assertThat(typed.asConstituent().orElseThrow().changedRows()).isEmpty();
        assertThat(TaskDetails.toMap(typed)).isEqualTo(read);

        // A known key whose entries carry a fact the record does not name: the whole detail stays open, so a
        // rewrite loses nothing.
        Map<String, Object> foreign = Map.of("file", "data/sti.csv", "changed", true,
                "renames", List.of(Map.of("old", "A", "new", "B", "host_note", "kept")));
        assertThat(TaskDetails.of(foreign)).isInstanceOf(PluginDetail.class);
        assertThat(TaskDetails.toMap(TaskDetails.of(foreign))).isEqualTo(foreign);
    }

    @Test
    void aResultGivenAsFactsIsTypedByTheRunner() {
        java.time.Instant at = java.time.Instant.EPOCH;
        com.twsrobot.maintenance.api.TaskResult facts = com.twsrobot.maintenance.api.TaskResult.builder("t", true, at)
                .detail("file", "x.csv").detail("written", false).detail("sha256", "ab").finish(at);
        assertThat(facts.detail()).isInstanceOf(PluginDetail.class);
        assertThat(TaskDetails.typed(facts).detail()).isEqualTo(new FileWriteDetail("x.csv", null, null, false, "ab",
                null, null, null, null, null, null));
        com.twsrobot.maintenance.api.TaskResult own = com.twsrobot.maintenance.api.TaskResult.builder("t", true, at)
                .detail("coverage", 0.5).finish(at);
        assertThat(TaskDetails.typed(own)).isSameAs(own);
    }
}
