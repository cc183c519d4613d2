package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plug-in task (listed in {@code META-INF/services/com.twsrobot.maintenance.api.MaintenanceTask}):
 * warns about watchlist symbols ({@code data/watchlist.txt}, one per line) that no constituent file
 * lists. Reads only, so dry run and apply behave the same.
 */
public final class WatchlistCoverageTask implements MaintenanceTask {

    public static final String NAME = "watchlist_coverage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> groups() {
        return Set.of("hygiene");
    }

    @Override
    public String description() {
        return "warn about watchlist symbols missing from every constituent file";
    }

    /** The indices of the index plug-ins on the class path (the built-in specs when there are none). */
    private List<IndexSpec> indexes() {
        List<IndexSpec> specs = com.twsrobot.maintenance.api.ServiceProviders.load(
                com.twsrobot.maintenance.api.ConstituentIndex.class, getClass().getClassLoader(), problem -> { })
                .stream().map(com.twsrobot.maintenance.api.ConstituentIndex::spec).toList();
        return specs.isEmpty() ? IndexSpec.BUILT_IN : specs;
    }

    @Override
    public TaskResult run(TaskContext context) {
        TaskResult.Builder result = context.newResult(NAME);
        Path watchlist = context.dataDir().resolve("watchlist.txt");
        result.source(watchlist.toString());
        try {
            if (!Files.exists(watchlist)) {
                return result.status(com.twsrobot.maintenance.api.TaskStatus.SKIPPED)
                        .detail("message", "no watchlist at " + watchlist).finish(context.clock().instant());
            }
            Set<String> known = new HashSet<>();
            for (IndexSpec spec : indexes()) {
                Path file = context.dataDir().resolve(spec.fileName());
                if (Files.exists(file)) {
                    // The symbol is the first column in every constituent file; a plain split is enough here.
                    Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", 2)[0].replace("\"", ""))
                            .forEach(known::add);
                }
            }
            List<String> symbols = Files.readAllLines(watchlist).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            List<String> missing = symbols.stream().filter(s -> !known.contains(s)).toList();
            missing.forEach(s -> result.warning("watchlist symbol " + s + " is in no constituent file"));
            result.beforeCount(symbols.size()).afterCount(symbols.size()).detail("missing", missing);
        } catch (IOException e) {
            result.error("cannot read " + watchlist + ": " + e.getMessage());
        }
        return result.finish(context.clock().instant());
    }
}
