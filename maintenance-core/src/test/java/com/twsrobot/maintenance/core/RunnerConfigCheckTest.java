package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A host building a runner from a config file gets every problem of the file in one exception, the names
 * only the runner's plug-ins decide (indices, source keys, tasks) included, and nothing is ignored.
 */
public class RunnerConfigCheckTest {

    @TempDir
    Path dir;

    /** An index plug-in this module's own test plug-ins do not bring, found only through the test's class loader. */
    public static final class Ftse100 extends TestIndexes.Plugin {
        public Ftse100() {
            super(new IndexSpec("ftse100", "ftse100_constituents", "FTSE 100", "ftse100_constituents.csv",
                    Pattern.compile("[A-Z0-9.]{1,6}"), "LSE code, e.g. BP.", 95, true, "XLON", null));
        }
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("maintenance.properties");
        Files.writeString(file, text);
        return file;
    }

    private MaintenanceRunnerBuilder builder() {
        return MaintenanceRunner.builder().dataDir(dir.resolve("data")).reportsDir(dir.resolve("reports"))
                .progressListener(m -> { });
    }

    @Test
    void aRangeAnUnknownSourceKeyAndAnUnknownIndexAreOneExceptionNamingLineKeyAndValue() throws Exception {
        Path file = write("keep_backups = 0\nsource_url.nosuch = http://x/\nmin_rows.st1 = 25\n");
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> builder().config(file).build());
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 2, 3);
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactly("keep_backups", "source_url.nosuch", "min_rows.st1");
        assertThat(e.getMessage()).startsWith(file + ": 3 problems").contains(
                "line 1: keep_backups must be a whole number from 1 to 100000, got '0'",
                "line 2: source_url.nosuch = http://x/: no source or provider reads the key 'nosuch'; the keys are ",
                "line 3: min_rows.st1 = 25: no index 'st1'; the indices are sp500, sti, hsi; did you mean 'min_rows.sti'?");
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void settingsThatContradictEachOtherAreReportedWithTheNamesNotApplied() throws Exception {
        // An incomplete host connection cannot be applied; the builder gets none of the file, and build() names all.
        Path file = write("events_service = host-http\nhost.url = http://127.0.0.1:5000\nmin_rows.st1 = 25\n");
        MaintenanceRunnerBuilder builder = builder().config(file);
        assertThat(builder.hostEvents).isNull();
        assertThat(builder.minimumRows).isEmpty();
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class, builder::build);
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 3);
        assertThat(e.getMessage()).contains("events_service = host-http needs host.username, host.password_file",
                "line 3: min_rows.st1 = 25: no index 'st1'");
    }

    @Test
    void everyIndexFamilyAndTheScheduleTasksAreJudgedByTheRunnersNames() throws Exception {
        Path file = write(String.join("\n", "churn_warn_percent.hsii = 3", "churn_fail_percent.sti = 30",
                "schedule.dry_run = off-peak", "schedule.tasks = constituents, sti_constituent, nosuch", ""));
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> builder().config(file).build());
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 4, 4);
        assertThat(e.problems().get(0).message()).isEqualTo("churn_warn_percent.hsii = 3: no index 'hsii'; the indices "
                + "are sp500, sti, hsi; did you mean 'churn_warn_percent.hsi'?");
        assertThat(e.problems().get(1).message()).startsWith("schedule.tasks = constituents, sti_constituent, nosuch: "
                + "no task or group 'sti_constituent'; the tasks are sp500_constituents, sti_constituents, "
                + "hsi_constituents, ").contains("metadata_validation", "; the groups are ", "constituents")
                .endsWith("; did you mean 'sti_constituents'?");
        assertThat(e.problems().get(2).message()).startsWith("schedule.tasks = constituents, sti_constituent, nosuch: "
                + "no task or group 'nosuch'").doesNotContain("did you mean");
    }

    @Test
    void aFamilyMemberOfAnIndexAPluginAddsIsAccepted() throws Exception {
        Path services = dir.resolve("plugin/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("com.twsrobot.maintenance.api.ConstituentIndex"), Ftse100.class.getName() + "\n");
        Path file = write("min_rows.ftse100 = 90\nchurn_warn_percent.ftse100 = 4\nsource_url.ftse100 = https://example.test/f\n"
                + "schedule.dry_run = off-peak\nschedule.tasks = ftse100_constituents\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.resolve("plugin").toUri().toURL()},
                getClass().getClassLoader())) {
            MaintenanceRunner runner = builder().classLoader(loader).config(file).build();
            assertThat(runner.indexes()).filteredOn(s -> s.index().equals("ftse100")).singleElement()
                    .satisfies(s -> assertThat(s.minimumRows()).isEqualTo(90));
        }
        // The same file for a runner without that plug-in names each setting that reaches nothing.
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> builder().config(file).build());
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void anIndexGivenToTheBuilderHasItsFamilyMembersToo() throws Exception {
        Path file = write("min_rows.ftse100 = 90\n");
        MaintenanceRunner runner = builder().index(new Ftse100().spec()).config(file).build();
        assertThat(runner.indexes()).filteredOn(s -> s.index().equals("ftse100")).singleElement()
                .satisfies(s -> assertThat(s.minimumRows()).isEqualTo(90));
    }

    @Test
    void aSourceUrlNothingReadsGivenToTheBuilderIsRefusedNotIgnored() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> builder().sourceUrl("stii", "https://example.test/").build());
        assertThat(e).hasMessageStartingWith("a source URL is set for the key 'stii', which no source or provider reads; "
                + "the keys are ").hasMessageContaining("sti");
    }

    @Test
    void theFileAloneStillLoadsWithoutARunner() throws Exception {
        // load() judges what the file alone decides; a name only a runner knows is not its business.
        Path file = write("min_rows.st1 = 25\nschedule.dry_run = off-peak\nschedule.tasks = nosuch\n");
        assertThat(MaintenanceConfig.load(file).values().members(com.twsrobot.maintenance.core.validation
                .ValidationConfigKeys.MIN_ROWS)).containsEntry("st1", "25");
    }
}
