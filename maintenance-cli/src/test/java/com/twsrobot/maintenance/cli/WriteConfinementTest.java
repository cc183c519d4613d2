package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in task, in apply mode and in a sandbox root, writes only where the library may:
 * the constituent files, data/backups/, the reports dir, the run lock and the event store.
 */
class WriteConfinementTest {

    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("data/(sp500|sti|hsi)_constituents\\.csv"),
            Pattern.compile("data/backups/constituents/[0-9_]+/(sp500|sti|hsi)_constituents\\.csv"),
            Pattern.compile("data/\\.maintenance\\.lock"),
            Pattern.compile("data/market_events\\.db"),
            Pattern.compile("reports/maintenance/maintenance_[0-9_]+(\\.[a-z0-9_]+\\.plan)?\\.(json|md)"),
            Pattern.compile("reports/maintenance/index/([0-9]{8}\\.tsv|state|lock)")); // the report index (issue 24)

    @Test
    void everyBuiltInTaskWritesOnlyToTheAllowedPlaces() throws IOException {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(false)) {
            Path outsider = ws.root().resolve("host-config.yml");
            Files.writeString(outsider, "trading: untouched\n");
            Map<String, String> before = ws.fingerprint();

            assertThat(cli(ws, "run", "--snapshot", "--allow-large-change")).isZero();
            assertThat(cli(ws, "run", "--snapshot", "--apply", "--allow-large-change", "--task", "all",
                    "--task", "metadata_validation")).isZero();
            assertThat(cli(ws, "validate")).isZero();
            assertThat(cli(ws, "rollback", "--task", "sti_constituents")).isZero(); // an apply of latest needs its preview
            assertThat(cli(ws, "rollback", "--task", "sti_constituents", "--apply")).isZero();

            Map<String, String> after = ws.fingerprint();
            List<String> touched = new ArrayList<>();
            after.forEach((path, hash) -> {
                if (!hash.equals(before.get(path))) {
                    touched.add(path);
                }
            });
            assertThat(touched).isNotEmpty();
            assertThat(touched).allSatisfy(path -> assertThat(ALLOWED).as(path).anyMatch(p -> p.matcher(path).matches()));
            assertThat(after.keySet()).containsAll(before.keySet()); // nothing deleted
            assertThat(Files.readString(outsider)).isEqualTo("trading: untouched\n");
        }
    }

    private static int cli(TempWorkspace ws, String... args) {
        return CliRun.in(ws, args).exitCode();
    }
}
