package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.api.UnknownTaskException;
import com.twsrobot.maintenance.api.events.MarketEventsOptions;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs maintenance tasks: a dry run (preview, nothing written) unless --apply is given.",
                "Without --task, runs the default set (group 'all')."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME",
            description = "Task or group to run, repeatable; this runner's tasks and groups are listed below "
                    + "(default: the group all).")
    List<String> tasks = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--dry-run", description = "Preview only; write nothing but the report (the default).")
        boolean dryRun;

        @Option(names = "--apply", description = "Write validated changes: backup, atomic replace, cache invalidation.")
        boolean apply;
    }

    @Option(names = "--allow-large-change",
            description = "Accept a constituent count change above the failure threshold (25%% by default).")
    boolean allowLargeChange;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Symbol for per-symbol event refresh, repeatable.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", defaultValue = "28",
            description = "Days ahead for market events, 1 to 90 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--source-url", paramLabel = "KEY=URL",
            description = "Override a source URL, repeatable; the keys are those of the sources and providers found "
                    + "(listed below; an unknown key is a usage error). file: URLs read a saved page.")
    Map<String, String> sourceUrls = new LinkedHashMap<>();

    @Option(names = "--plan", paramLabel = "REPORT_ID",
            description = "With --apply: write exactly what the dry run with this report id previewed, without "
                    + "fetching. Refused if the file changed since (stale plan), the plan is too old, or it failed validation.")
    String plan;

    @Option(names = "--snapshot", description = "Read the dated page copies bundled with the library instead of the "
            + "network (offline runs and demos); the report's source says so.")
    boolean snapshot;


    @Option(names = "--detailed-exitcode",
            description = "Like Terraform's: exit 5 instead of 0 when the run succeeded (or warned) and found changes "
                    + "(a dry run: changes to review; an apply: changes written); 0 means no change.")
    boolean detailedExitcode;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > MarketEventsOptions.MAX_DAYS_AHEAD) {
            throw new MaintenanceCli.UsageException("--days must be between 1 and " + MarketEventsOptions.MAX_DAYS_AHEAD
                    + ", got " + days);
        }
        if (plan != null && !mode.apply) {
            throw new MaintenanceCli.UsageException("--plan applies a preview; add --apply");
        }
        MaintenanceRunner runner = cli.runner(err, Map.of());
        for (String key : sourceUrls.keySet()) {
            if (!runner.sourceKeys().contains(key)) {
                throw new MaintenanceCli.UsageException("--source-url: no source or provider reads the key '" + key
                        + "'; known keys: " + String.join(", ", runner.sourceKeys()));
            }
        }
        try {
            if (plan == null || !tasks.isEmpty()) {
                refuseOptionsOfTasksNotRun(runner.registry().resolve(tasks));
            }
        } catch (UnknownTaskException e) {
            throw new MaintenanceCli.UsageException(e.getMessage());
        }
        RunMode runMode = plan != null ? RunMode.applyPlan(plan) : mode.apply ? RunMode.apply() : RunMode.preview();
        RunRequest request = RunRequest.builder().tasks(tasks).mode(runMode).allowLargeChange(allowLargeChange)
                .options(new MarketEventsOptions(symbols, days)).sourceUrls(sourceUrls).snapshot(snapshot).build();
        RunReport report = runner.run(request);
        if (cli.json) {
            out.print(ReportJson.write(report));
        } else {
            out.print(ReportText.summary(report, runner.reportsDir()));
        }
        out.flush();
        return MaintenanceCli.exitCode(report, detailedExitcode);
    }

    /**
     * --symbol and --days are the market-events task's options: given to a run without that task they
     * would be ignored without a word, so the run is refused naming them and the task they belong to.
     */
    private void refuseOptionsOfTasksNotRun(List<MaintenanceTask> chosen) throws MaintenanceCli.UsageException {
        List<String> given = new ArrayList<>();
        if (!symbols.isEmpty()) {
            given.add("--symbol");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--days")) {
            given.add("--days");
        }
        if (given.isEmpty() || chosen.stream().anyMatch(t -> t.name().equals(MarketEventsOptions.TASK))) {
            return;
        }
        throw new MaintenanceCli.UsageException(String.join(" and ", given) + (given.size() == 1 ? " is an option"
                : " are options") + " of the " + MarketEventsOptions.TASK + " task, which this run does not include (it runs "
                + String.join(", ", chosen.stream().map(MaintenanceTask::name).toList()) + "); add --task "
                + MarketEventsOptions.TASK + " or leave " + (given.size() == 1 ? "it" : "them") + " out");
    }
}
