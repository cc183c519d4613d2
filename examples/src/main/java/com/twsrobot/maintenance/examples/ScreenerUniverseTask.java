package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.FileWrite;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.csv.CsvFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plug-in task that writes a file, through the runner's safe write path: the screener's universe,
 * {@code screener_universe.csv} — every symbol of every constituent file with the indices it is in.
 * {@link TaskContext#replaceFile} stages, checks, backs up, records, replaces and invalidates, so its
 * report, backups and rollback ({@code rollback --task screener_universe --backup ID}) are those of the
 * built-in tasks, and a dry run shows what would change.
 */
public final class ScreenerUniverseTask implements MaintenanceTask {

    public static final String NAME = "screener_universe";
    public static final String FILE = "screener_universe.csv";
    static final String HEADER = "symbol,indexes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> groups() {
        return Set.of("screener");
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PREVIEW, Capability.WRITES_FILES);
    }

    @Override
    public Set<String> files() {
        return Set.of(FILE);
    }

    @Override
    public String description() {
        return "write " + FILE + ": every constituent symbol with the indices it is in";
    }

    @Override
    public TaskResult run(TaskContext context) {
        TaskResult.Builder result = context.newResult(NAME);
        String file = context.dataDir().resolve(FILE).toString();
        result.detail("file", file); // what a failure's detail names, with its cause
        try {
            FileWrite write;
            if (context.request().mode() instanceof RunMode.Rollback rollback) {
                String backupId = rollback.backupId();
                write = context.restoreFile(NAME, FILE, backupId, ScreenerUniverseTask::problems);
                result.source("backup:" + backupId);
            } else {
                byte[] content = universe(context, result);
                write = context.replaceFile(NAME, FILE, content, ScreenerUniverseTask::problems);
            }
            write.report(result, file, null);
        } catch (IOException e) {
            result.error(e.getMessage(), e);
        }
        return result.finish(context.clock().instant());
    }

    /** The file's content from the runner's indices' files, sorted by symbol. */
    private static byte[] universe(TaskContext context, TaskResult.Builder result) throws IOException {
        Map<String, Set<String>> indexesBySymbol = new TreeMap<>();
        List<String> read = new ArrayList<>();
        for (IndexSpec spec : context.indexes()) {
            Path file = context.dataDir().resolve(spec.fileName());
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String symbol : ConstituentFile.read(file).table().symbols()) {
                    indexesBySymbol.computeIfAbsent(symbol, s -> new TreeSet<>()).add(spec.index());
                }
                read.add(spec.fileName());
            } catch (CsvFormatException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage() + "; " + FILE + " was left unchanged", e);
            }
        }
        result.source(String.join(", ", read));
        result.afterCount(indexesBySymbol.size());
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        indexesBySymbol.forEach((symbol, indexes) -> out.append(symbol).append(',')
                .append(String.join("|", indexes)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The file's rule ({@link com.twsrobot.maintenance.api.ContentCheck}): the header, then one unique non-blank symbol and its indices per line. */
    static List<String> problems(byte[] content) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return List.of("the first line must be '" + HEADER + "'");
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                problems.add("line " + (i + 1) + " is not 'symbol,indexes'");
            } else if (!seen.add(fields[0])) {
                problems.add("line " + (i + 1) + " repeats " + fields[0]);
            }
        }
        return problems;
    }
}
