package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run --apply --plan, rollback, backups and exit code 3 from the command line. */
class PlanRollbackCliTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(false);
    private final FixtureServer server = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"));
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

    private String reportId(String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--json");
        assertThat(cli(all.toArray(String[]::new))).as(out + err).isZero();
        return ReportJson.mapper().readTree(out).get("report_id").asText();
    }

    @Test
    void diffComparesTwoReportsWhateverEachRunProposedOrLeft() throws Exception {
        String preview = reportId("run", "--task", "sti_constituents", "--source-url", "sti=" + server.url("/sti"));
        String apply = reportId("run", "--apply", "--plan", preview);
        reportId("rollback", "--task", "sti_constituents"); // an apply of latest restores what a preview showed
        String rollback = reportId("rollback", "--task", "sti_constituents", "--apply");

        // The preview proposed exactly what its apply wrote; the other indices are named as not compared.
        assertThat(cli("diff", preview, apply)).as(out + err).isZero();
        assertThat(out).contains("sti_constituents: " + preview + " → " + apply + ": +0 / -0, 0 field change(s)",
                "hsi_constituents: not compared: report " + preview + " did not run hsi_constituents");
        // The rollback left the file as it was before: 5 symbols back in, 5 out.
        assertThat(cli("diff", apply, rollback, "--json")).as(out + err).isZero();
        JsonNode both = ReportJson.mapper().readTree(out);
        assertThat(both.get("tasks")).hasSize(1);
        assertThat(both.get("tasks").get(0).get("task").asText()).isEqualTo("sti_constituents");
        assertThat(both.get("tasks").get(0).get("removed").toString()).contains("5E2.SI", "Seatrium Limited");
        assertThat(both.get("tasks").get(0).get("added")).hasSize(5);
        assertThat(both.get("skipped")).hasSize(2);
        // One version: compared with the file now; a backup and a report mix too.
        assertThat(cli("diff", "--task", "sti_constituents", preview)).isZero();
        assertThat(out).startsWith("sti_constituents: " + preview + " → current: +5 / -5");
        assertThat(cli("diff", "--task", "sti_constituents", "latest", preview)).isZero();
        assertThat(out).contains("+0 / -0"); // the rollback's backup holds what the apply wrote

        assertThat(cli("diff", "yesterday", preview)).isEqualTo(2);
        assertThat(err).contains("'yesterday' is not a report id");
        assertThat(cli("diff", preview, "--backup", "latest")).isEqualTo(2);
        assertThat(err).contains("not both");
        assertThat(cli("diff", "maintenance_19990101_000000", preview)).isEqualTo(2);
        assertThat(err).contains("nothing to compare", "no report 'maintenance_19990101_000000'");
    }

    @Test
    void previewThenApplyThePlanThenRollBack() throws Exception {
        byte[] previous = ws.readData("sti_constituents.csv");
        assertThat(cli("run", "--task", "sti_constituents", "--source-url", "sti=" + server.url("/sti"), "--json")).as(out + err).isZero();
        String planId = ReportJson.mapper().readTree(out).get("report_id").asText();

        server.close(); // the source is gone: the plan must not need it
        assertThat(cli("run", "--apply", "--plan", planId, "--json")).as(err).isZero();
        JsonNode applied = ReportJson.mapper().readTree(out).get("results").get(0);
        assertThat(applied.get("task").asText()).isEqualTo("sti_constituents");
        assertThat(applied.get("added")).hasSize(5);
        assertThat(new String(ws.readData("sti_constituents.csv"))).contains("5E2.SI,5E2,Seatrium Limited");

        assertThat(cli("backups", "--task", "sti_constituents")).isZero();
        assertThat(out).contains("sti_constituents.csv");
        assertThat(cli("backups", "--json")).isZero();
        String backupId = ReportJson.mapper().readTree(out).get(0).get("backup_id").asText();

        // diff: that backup → the file now: the 5 symbols the apply brought in, and the 5 it took out.
        assertThat(cli("diff", "--task", "sti_constituents", "--backup", backupId, "--json")).as(out + err).isZero();
        JsonNode diff = ReportJson.mapper().readTree(out);
        assertThat(diff.get("added")).hasSize(5);
        assertThat(diff.get("added").toString()).contains("5E2.SI", "Seatrium Limited");
        assertThat(diff.get("removed")).hasSize(5);
        assertThat(cli("diff", "--task", "sti_constituents", "--backup", backupId)).isZero();
        assertThat(out).startsWith("sti_constituents: " + backupId + " → current: +5 / -5").contains("  + 5E2.SI  Seatrium Limited");
        assertThat(cli("diff", "--task", "sti_constituents", "--backup", backupId, "--to", backupId)).isZero();
        assertThat(out).contains("+0 / -0, 0 field change(s)");
        assertThat(cli("diff", "--task", "sti_constituents", "--backup", "19990101_000000")).isEqualTo(2);
        assertThat(err).contains("no backup '19990101_000000' of sti_constituents.csv");
        assertThat(cli("diff", "--task", "sti", "--backup", backupId)).isEqualTo(2);
        assertThat(err).contains("no constituent task 'sti'");

        // Without --apply, a preview: the 5 symbols the restore would take out, nothing written.
        byte[] applied5 = ws.readData("sti_constituents.csv");
        assertThat(cli("rollback", "--task", "sti_constituents", "--backup", backupId, "--json")).as(out + err).isZero();
        JsonNode preview = ReportJson.mapper().readTree(out);
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("results").get(0).get("removed")).hasSize(5);
        assertThat(preview.get("results").get(0).get("added")).hasSize(5);
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(applied5);
        assertThat(cli("rollback", "--task", "sti_constituents", "--backup", backupId)).as(out + err).isZero();
        assertThat(out).contains("ROLLBACK PREVIEW of backup " + backupId + " (nothing written)", "- AJBU.SI",
                "↻ 5E2.SI → T39.SI", // a rename is shown once, as OLD → NEW
                "preview only; restore this backup with: rollback --task sti_constituents --backup " + backupId + " --apply");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(applied5);

        assertThat(cli("rollback", "--task", "sti_constituents", "--backup", backupId, "--apply")).as(out + err).isZero();
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(previous);
        assertThat(out).contains("ROLLBACK to backup " + backupId);

        // Someone edits the file after the preview: the plan no longer fits it.
        Files.writeString(ws.dataFile("sti_constituents.csv"),
                Files.readString(ws.dataFile("sti_constituents.csv")).replace("DBS Group Holdings", "DBS Group"));
        byte[] edited = ws.readData("sti_constituents.csv");
        assertThat(cli("run", "--apply", "--plan", planId)).isEqualTo(1);
        assertThat(out).contains("stale plan: the file changed since the preview");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(edited);
    }

    @Test
    void planNeedsApplyAndUnknownTasksAreUsageErrors() {
        assertThat(cli("run", "--plan", "maintenance_20260101_000000")).isEqualTo(2);
        assertThat(err).contains("--plan applies a preview; add --apply");
        assertThat(cli("rollback", "--task", "nope")).isEqualTo(2);
        assertThat(cli("backups", "--task", "nope")).isEqualTo(2);
        assertThat(cli("rollback")).isEqualTo(2);
    }

    @Test
    void rollbackWithoutBackupsFails() {
        assertThat(cli("rollback", "--task", "hsi_constituents")).isEqualTo(1);
        assertThat(out).contains("no backup 'latest' of hsi_constituents.csv").doesNotContain("preview only");
        assertThat(cli("rollback", "--task", "hsi_constituents", "--apply")).isEqualTo(1);
        assertThat(out).contains("no backup 'latest' of hsi_constituents.csv");
    }

    @Test
    void aHeldLockExitsThreeNamingTheHolder() throws Exception {
        Files.writeString(ws.dataFile(RunLock.FILE_NAME), "pid 4242 on ops-host, run of [hsi_constituents], since x\n");
        try (FileChannel channel = FileChannel.open(ws.dataFile(RunLock.FILE_NAME), StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            assertThat(cli("run", "--apply", "--task", "sti_constituents", "--source-url", "sti=" + server.url("/sti")))
                    .isEqualTo(3);
            assertThat(out).contains("another maintenance run holds", "pid 4242 on ops-host");
            assertThat(lock.isValid()).isTrue();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new AssertionError(e);
        }
    }
}
