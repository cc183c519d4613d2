package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line built for the arguments (only the command they invoke) answers exactly as the whole
 * model does: help, versions, usage errors with their suggestions and usage, and exit codes.
 */
class LazyCommandLineTest {

    private final TempWorkspace ws = TempWorkspace.create();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private static CliRun with(CommandLine cl, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        return new CliRun(code, o.toString(), e.toString());
    }

    private void assertSameAsWholeModel(String... args) {
        CliRun lazy = with(MaintenanceCli.commandLine(args), args);
        CliRun whole = with(MaintenanceCli.commandLine(), args);
        assertThat(lazy.exitCode()).as(String.join(" ", args)).isEqualTo(whole.exitCode());
        assertThat(lazy.out()).as(String.join(" ", args)).isEqualTo(whole.out());
        assertThat(lazy.err()).as(String.join(" ", args)).isEqualTo(whole.err());
    }

    private String[] inWorkspace(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", ws.dataDir().toString(), "--reports-dir",
                ws.reportsDir().toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void helpAndVersionAreTheWholeModels() {
        for (String[] args : List.of(new String[]{"--version"}, new String[]{"-V"}, new String[]{"--help"},
                new String[]{}, new String[]{"run", "--help"}, new String[]{"status", "--help"},
                new String[]{"events", "sync-log", "--help"}, new String[]{"reports", "-h"},
                new String[]{"--json", "--help"}, new String[]{"generate-completion"})) {
            assertSameAsWholeModel(args);
        }
        assertSameAsWholeModel(inWorkspace("run", "--help")); // with the runner's tasks listed
        assertThat(with(MaintenanceCli.commandLine("run", "--help"), "run", "--help").out())
                .startsWith("Usage: tws-maintenance run [-hV]").contains("This runner's tasks:");
    }

    @Test
    void usageErrorsAreTheWholeModels() {
        for (String[] args : List.of(new String[]{"stat"}, new String[]{"help", "run"}, new String[]{"--bogus", "status"},
                new String[]{"--data-dir"}, new String[]{"--data-dir", "d"}, new String[]{"--source-timeout", "x", "status"},
                new String[]{"--", "status"}, new String[]{"report"}, new String[]{"rollback"})) {
            assertSameAsWholeModel(args);
        }
        for (String[] args : List.of(new String[]{"run", "--tsk", "x"}, new String[]{"run", "--days", "abc"},
                new String[]{"run", "--task"}, new String[]{"status", "--bogus"}, new String[]{"status", "run"},
                new String[]{"run", "status"}, new String[]{"--json", "status", "--bogus"},
                new String[]{"run", "--apply", "--dry-run"}, new String[]{"run", "--days", "0"},
                new String[]{"--source-timeout", "0", "status"}, new String[]{"--json", "--source-timeout", "0", "status"},
                new String[]{"events"})) {
            assertSameAsWholeModel(inWorkspace(args));
        }
        CliRun suggestion = with(MaintenanceCli.commandLine(inWorkspace("status", "--jsn")), inWorkspace("status", "--jsn"));
        assertThat(suggestion.exitCode()).isEqualTo(MaintenanceCli.EXIT_USAGE);
        assertThat(suggestion.err()).contains("Unknown option: '--jsn'").contains("--json");
    }

    @Test
    void onlyTheInvokedCommandIsModelledWhenThatIsCertain() {
        assertThat(MaintenanceCli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(MaintenanceCli.commandLine(inWorkspace("status")).getSubcommands().keySet()).containsExactly("status");
        assertThat(MaintenanceCli.commandLine("--json", "--config=c.properties", "run", "--task", "status")
                .getSubcommands().keySet()).containsExactly("run");
        // A value named like a command is the option's value; the command is the next argument.
        assertThat(MaintenanceCli.commandLine("--reports-dir", "run", "status").getSubcommands().keySet())
                .containsExactly("status");
        for (String[] args : List.of(new String[]{}, new String[]{"--help"}, new String[]{"-h", "status"},
                new String[]{"--version", "status"}, new String[]{"help", "status"}, new String[]{"stat"},
                new String[]{"generate-completion"}, new String[]{"__train"}, new String[]{"--", "status"},
                new String[]{"@args.txt", "status"}, new String[]{"status", "@args.txt"}, new String[]{"--data-dir"},
                new String[]{"--jsn", "status"})) {
            assertThat(MaintenanceCli.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(Commands.ALL);
        }
    }

    @Test
    void theHttpStackIsWarmedOnlyForARunThatFetches() {
        assertThat(MaintenanceCli.runFetches("--data-dir", "d", "run", "--task", "constituents")).isTrue();
        assertThat(MaintenanceCli.runFetches("run", "--help")).isFalse();
        assertThat(MaintenanceCli.runFetches("run", "-h")).isFalse();
        assertThat(MaintenanceCli.runFetches("--reports-dir", "run", "status")).isFalse();
        assertThat(MaintenanceCli.runFetches("status")).isFalse();
    }

    @Test
    void theCommandNamesAndGlobalOptionsAreThoseOfTheModel() {
        CommandLine whole = MaintenanceCli.commandLine();
        assertThat(whole.getSubcommands().keySet()).containsExactlyElementsOf(Commands.ALL);
        for (String name : Commands.ALL) {
            assertThat(Commands.type(name).getAnnotation(CommandLine.Command.class).name()).isEqualTo(name);
        }
        Set<String> flags = new TreeSet<>();
        Set<String> withValue = new TreeSet<>();
        for (OptionSpec option : whole.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            (option.arity().max() == 0 ? flags : withValue).addAll(List.of(option.names()));
            assertThat(option.arity().max()).as(option.longestName()).isLessThanOrEqualTo(1);
            assertThat(option.arity().min()).as(option.longestName()).isEqualTo(option.arity().max());
        }
        assertThat(flags).isEqualTo(new TreeSet<>(Commands.GLOBAL_FLAGS));
        assertThat(withValue).isEqualTo(new TreeSet<>(Commands.GLOBAL_WITH_VALUE));
    }
}
