package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.csv.CsvFormatException;

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
            for (IndexSpec spec : context.indexes()) { // the runner's indices, whichever plug-ins bring them
                Path file = context.dataDir().resolve(spec.fileName());
                if (Files.exists(file)) {
                    try {
                        known.addAll(ConstituentFile.read(file).table().symbols());
                    } catch (CsvFormatException e) {
                        result.warning("cannot read " + file + ": " + e.getMessage() + "; its symbols are not counted");
                    }
                }
            }
            List<String> symbols = Files.readAllLines(watchlist).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            List<String> missing = symbols.stream().filter(s -> !known.contains(s)).toList();
            // A plug-in's own kind of warning has no library code; it still names the symbol it is about.
            missing.forEach(s -> result.notice(Notice.warning(NoticeCode.UNSPECIFIED,
                    "watchlist symbol " + s + " is in no constituent file").withSymbol(s)));
            result.beforeCount(symbols.size()).afterCount(symbols.size()).detail("missing", missing);
        } catch (IOException e) {
            result.error("cannot read " + watchlist + ": " + e.getMessage());
        }
        return result.finish(context.clock().instant());
    }
}
