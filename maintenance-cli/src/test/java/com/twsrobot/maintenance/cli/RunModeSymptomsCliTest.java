package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's three symptoms, through the real CLI: {@code diff} of a report whose apply was refused, the
 * rollback preview's suggestion to apply {@code latest}, and a rollback preview labelled "Dry run".
 */
class RunModeSymptomsCliTest {

    private static final String STI = "sti_constituents";

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(false);
    private final FixtureServer server = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"))
            // The same page a day later: one company's name changed, so an apply writes (and backs up) again.
            .page("/sti-renamed", Fixtures.page("wikipedia_sti.html").replace("DBS Group Holdings", "DBS Group Holdings Ltd"))
            // A page listing one company twice: its preview fails validation.
            .page("/sti-duplicate", Fixtures.page("wikipedia_sti.html").replace("equities/C09\">C09</a>",
                    "equities/D05\">D05</a>"));
    private String out;
    private String err;

    @AfterEach
    void cleanUp() {
        server.close();
        ws.close();
    }

    private int cli(String... args) {
        CliRun run = CliRun.in(ws, args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    private JsonNode json(int expectedExit, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        assertThat(cli(all.toArray(String[]::new))).as(out + err).isEqualTo(expectedExit);
        return ReportJson.mapper().readTree(out);
    }

    private String backupIds() throws Exception {
        assertThat(cli("backups", "--task", STI, "--json")).as(out + err).isZero();
        List<String> ids = new ArrayList<>();
        ReportJson.mapper().readTree(out).forEach(b -> ids.add(b.get("backup_id").asText()));
        return String.join(",", ids);
    }

    /** Symptom 1: diff of a report whose STI apply was refused printed the plan it did not write (+5 / -5). */
    @Test
    void diffOfARefusedApplyComparesNothingAndSaysWhy() throws Exception {
        byte[] before = ws.readData("sti_constituents.csv");
        // A preview whose validation fails (D05.SI is listed twice) keeps its plan, marked failed...
        JsonNode failed = json(1, "run", "--task", STI, "--source-url", "sti=" + server.url("/sti-duplicate"));
        String preview = failed.get("report_id").asText();
        assertThat(failed.get("results").get(0).get("validation").get("status").asText()).isEqualTo("failed");
        // ...whose apply is refused: nothing is written.
        JsonNode refused = json(1, "run", "--apply", "--plan", preview);
        String apply = refused.get("report_id").asText();
        assertThat(refused.get("results").get(0).get("errors").toString()).contains("failed validation when it was previewed");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(before);

        // One task: nothing to compare, and why (it printed "+5 / -5", the plan it never wrote).
        assertThat(cli("diff", "--task", STI, apply, "current")).as(out + err).isEqualTo(2);
        assertThat(out).doesNotContain("+5");
        assertThat(err).contains("report " + apply + " did not change or propose " + STI + ": it failed (plan "
                + preview + " failed validation when it was previewed");
        // Every task: each one the report did not change is named with its reason.
        assertThat(cli("diff", apply, "current")).isEqualTo(2);
        assertThat(err).contains("nothing to compare", STI + ": report " + apply + " did not change or propose " + STI,
                "hsi_constituents: report " + apply + " did not run hsi_constituents");
        // The refused preview proposed nothing either.
        assertThat(cli("diff", "--task", STI, preview)).isEqualTo(2);
        assertThat(err).contains("report " + preview + " did not change or propose " + STI + ": it failed");

        // A run the whole plan's check refused (the file changed since the preview) ran no task: said so too.
        String good = json(0, "run", "--task", STI, "--source-url", "sti=" + server.url("/sti")).get("report_id").asText();
        Files.writeString(ws.dataFile("sti_constituents.csv"),
                Files.readString(ws.dataFile("sti_constituents.csv")).replace("DBS Group Holdings", "DBS Group"));
        String stale = json(1, "run", "--apply", "--plan", good).get("report_id").asText();
        assertThat(cli("diff", "--task", STI, stale)).isEqualTo(2);
        assertThat(err).contains("report " + stale + " did not run " + STI);
        // What a good preview proposed is still what it proposed.
        assertThat(cli("diff", "--task", STI, good, "current")).as(out + err).isZero();
        assertThat(out).startsWith(STI + ": " + good + " → current: +5 / -5");
    }

    /** Symptoms 2 and 3: the preview pins the backup it showed; a newer backup refuses an apply of latest. */
    @Test
    void theRollbackPreviewPinsTheBackupItShowedAndIsLabelledAsOne() throws Exception {
        byte[] original = ws.readData("sti_constituents.csv");
        String plan = json(0, "run", "--task", STI, "--source-url", "sti=" + server.url("/sti")).get("report_id").asText();
        json(0, "run", "--apply", "--plan", plan);
        String first = backupIds();
        assertThat(first).doesNotContain(",");

        // The preview of "latest" names the backup it previewed, and the apply it suggests restores that one.
        assertThat(cli("rollback", "--task", STI)).as(out + err).isZero();
        assertThat(out).contains("ROLLBACK PREVIEW of backup " + first + " (nothing written) — report ",
                "previewed backup " + first + " (the newest) of " + STI,
                "preview only; restore this backup with: rollback --task " + STI + " --backup " + first + " --apply")
                .doesNotContain("DRY RUN", "--backup latest");
        JsonNode preview = json(0, "rollback", "--task", STI);
        String previewId = preview.get("report_id").asText();
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("detail").get("mode").asText()).isEqualTo("dry run of ROLLBACK to backup " + first);
        assertThat(cli("report", previewId, "--markdown")).isZero();
        assertThat(out).contains("- Mode: rollback preview of backup " + first + " (nothing written)")
                .doesNotContain("dry run (nothing written)");
        // The preview restored nothing: its Markdown says what the apply would restore.
        assertThat(out).contains("- Would restore backup: " + first).doesNotContain("Restored backup");
        // The report list labels it a rollback preview, not a dry run (text and JSON).
        assertThat(cli("reports", "--limit", "1")).as(out + err).isZero();
        assertThat(out).startsWith(previewId).contains("rollback preview of backup " + first).doesNotContain("dry run");
        JsonNode listed = json(0, "reports", "--limit", "1").get(0);
        assertThat(listed.get("mode").asText()).isEqualTo("dry run of ROLLBACK to backup " + first);
        assertThat(listed.get("mode_title").asText()).isEqualTo("rollback preview of backup " + first);
        assertThat(listed.get("dry_run").asBoolean()).isTrue();
        assertThat(cli("status")).as(out + err).isZero();
        assertThat(out).contains("latest report: " + previewId + " ").contains("(rollback preview of backup " + first + "), ");

        // An apply in between writes a newer backup.
        json(0, "run", "--task", STI, "--apply", "--source-url", "sti=" + server.url("/sti-renamed"));
        String both = backupIds();
        String second = both.split(",")[0];
        assertThat(second).isNotEqualTo(first);
        byte[] renamed = ws.readData("sti_constituents.csv");

        // "latest" is now something nobody previewed: refused, naming both ids and the command for the previewed one.
        assertThat(cli("rollback", "--task", STI, "--apply")).isEqualTo(1);
        assertThat(out).contains("the newest backup of sti_constituents.csv is now " + second + ", not backup " + first
                + " that rollback preview " + previewId + " showed",
                "rollback --task " + STI + " --backup " + first + " --apply");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(renamed);
        assertThat(backupIds()).isEqualTo(both);

        // Given the previewed id, the apply restores exactly what was previewed.
        JsonNode restored = json(0, "rollback", "--task", STI, "--backup", first, "--apply");
        assertThat(restored.get("detail").get("mode").asText()).isEqualTo("ROLLBACK to backup " + first);
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(original);
        String restoreId = restored.get("report_id").asText();
        assertThat(cli("report", restoreId, "--markdown")).isZero();
        assertThat(out).contains("- Restored backup: " + first).doesNotContain("Would restore");
        assertThat(cli("reports", "--limit", "1")).isZero();
        assertThat(out).startsWith(restoreId).contains("rollback to backup " + first).doesNotContain("preview");
    }

    /** An apply of latest right after its preview restores the backup it showed, and says which. */
    @Test
    void anApplyOfLatestAfterItsPreviewRestoresThePreviewedBackup() throws Exception {
        byte[] original = ws.readData("sti_constituents.csv");
        String plan = json(0, "run", "--task", STI, "--source-url", "sti=" + server.url("/sti")).get("report_id").asText();
        json(0, "run", "--apply", "--plan", plan);
        String backup = backupIds();

        // Without a preview, latest is refused: nothing was reviewed.
        byte[] applied = ws.readData("sti_constituents.csv");
        assertThat(cli("rollback", "--task", STI, "--apply")).isEqualTo(1);
        assertThat(out).contains("no rollback preview of " + STI + " showed its newest backup " + backup,
                "preview it first with: rollback --task " + STI);
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(applied);

        assertThat(cli("rollback", "--task", STI)).as(out + err).isZero();
        assertThat(cli("rollback", "--task", STI, "--apply")).as(out + err).isZero();
        assertThat(out).contains("ROLLBACK to backup " + backup + " — report ");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(original);
    }

    /**
     * A report's version is the file as its apply left it: the backup the next change took. Two applies in
     * one second (a fixed clock here; a script's back-to-back runs) share the second of their ids, and the
     * second one's backup is still the first one's version (it compared the file now, the second's output).
     */
    @Test
    void aReportsVersionIsTheBackupTheNextApplyTookEvenInTheSameSecond() throws Exception {
        System.setProperty("maintenance.clock", "2026-06-27T12:00:00Z");
        try {
            String first = json(0, "run", "--apply", "--task", STI, "--source-url", "sti=" + server.url("/sti"))
                    .get("report_id").asText();
            String second = json(0, "run", "--apply", "--task", STI, "--source-url", "sti=" + server.url("/sti-renamed"))
                    .get("report_id").asText();
            assertThat(second).isEqualTo(first + "_2");
            assertThat(cli("diff", "--task", STI, first, "current")).as(out + err).isZero();
            assertThat(out).contains(first + " → current: +0 / -0, 1 field change(s)");
            assertThat(cli("diff", "--task", STI, second, "current")).as(out + err).isZero();
            assertThat(out).contains(second + " → current: +0 / -0, 0 field change(s)");
        } finally {
            System.clearProperty("maintenance.clock");
        }
    }
}
