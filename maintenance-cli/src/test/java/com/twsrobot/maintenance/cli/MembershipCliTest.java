package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership as of a date, undoing the shared S&amp;P 500 page's dated changes; and the snapshot's content date. */
class MembershipCliTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void cleanUp() {
        server.close();
        ws.close();
    }

    @Test
    void asOfMarch2025TheListHoldsCeFmcAndTfxAndNotExeTkoOrWsm() throws Exception {
        server.page("/sp500", Fixtures.page("wikipedia_sp500.html"));
        CliRun json = CliRun.in(ws, "--json", "membership", "--index", "sp500", "--as-of", "2025-03-01", "--source-url",
                "sp500=" + server.url("/sp500"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode m = ReportJson.mapper().readTree(json.out());
        Set<String> members = new HashSet<>();
        m.get("members").forEach(n -> members.add(n.get("symbol").asText()));
        assertThat(members).contains("CE", "FMC", "TFX").doesNotContain("EXE", "TKO", "WSM");
        assertThat(m.get("undone").toString()).contains("2025-03-24: +EXE -CE");
        assertThat(m.get("member_count").asInt()).isEqualTo(members.size());
        // SATS was added on 2025-03-23 by the records, but the page lists it as ECHO: that change cannot be undone.
        assertThat(m.get("not_applied").toString()).contains("added symbol SATS is not on the list");

        CliRun text = CliRun.in(ws, "membership", "--index", "sp500", "--as-of", "2025-03-01", "--source-url",
                "sp500=" + server.url("/sp500"));
        assertThat(text.out()).contains("sp500 as of 2025-03-01: ", "  CE  ", "could not be undone:");
        // The list of today is untouched: the shared page's current members, as before.
        assertThat(server.hits("/sp500")).isEqualTo(2);
    }

    @Test
    void aBadDateIsAUsageError() {
        CliRun run = CliRun.in(ws, "membership", "--index", "sp500", "--as-of", "March 2025", "--snapshot");
        assertThat(run.exitCode()).isEqualTo(MaintenanceCli.EXIT_USAGE);
        assertThat(run.err()).contains("--as-of must be a date like 2025-03-01");
    }

    @Test
    void aSnapshotRunAndStatusShowTheSnapshotsContentDateAndAge() throws Exception {
        CliRun run = CliRun.in(ws, "run", "--task", "sp500_constituents", "--snapshot", "--apply");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("content: as of 2026-06-25T14:02:00Z, \\d+ days old \\(snapshot\\)")
                .contains("the bundled snapshot's content is as of 2026-06-25 and is being applied");
        CliRun status = CliRun.in(ws, "status");
        assertThat(status.out()).containsPattern("content as of 2026-06-25, \\d+ days old, from the bundled snapshot");
        CliRun json = CliRun.in(ws, "--json", "status");
        JsonNode sp = null;
        for (JsonNode i : ReportJson.mapper().readTree(json.out()).get("constituents")) {
            if (i.get("index").asText().equals("sp500")) {
                sp = i;
            }
        }
        assertThat(sp).isNotNull();
        assertThat(sp.get("content").get("origin").asText()).isEqualTo("snapshot");
        assertThat(sp.get("content").get("as_of").asText()).isEqualTo("2026-06-25T14:02:00Z");
        assertThat(sp.get("content_note").asText()).startsWith("content as of 2026-06-25, ");
    }
}
