package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.core.csv.CsvDialect;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.io.StagedFile;
import com.twsrobot.maintenance.core.validation.ValidatorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refreshes one index's constituent file: source → proposed table → enrichment → validators →
 * (dry run stops here) → temp file → read back and re-validate → backup → atomic replace → cache
 * invalidation. Any failure leaves the file byte-for-byte as it was.
 */
public final class ConstituentRefreshTask implements MaintenanceTask {

    private static final Logger LOG = LoggerFactory.getLogger(ConstituentRefreshTask.class);

    private final IndexSpec spec;
    private final ConstituentSource source;
    private final ValidatorChain validators;
    private final List<CacheInvalidator> invalidators;
    private final double warnChangeRatio;
    private final double failChangeRatio;

    /** {@code source} may be null: the task then fails saying no source is registered. */
    public ConstituentRefreshTask(IndexSpec spec, ConstituentSource source, ValidatorChain validators,
                                  List<CacheInvalidator> invalidators, double warnChangeRatio, double failChangeRatio) {
        this.spec = spec;
        this.source = source;
        this.validators = validators;
        this.invalidators = List.copyOf(invalidators);
        this.warnChangeRatio = warnChangeRatio;
        this.failChangeRatio = failChangeRatio;
    }

    @Override
    public String name() {
        return spec.taskName();
    }

    @Override
    public Set<String> groups() {
        return Set.of(GROUP_ALL, GROUP_CONSTITUENTS);
    }

    @Override
    public String description() {
        return "refresh " + spec.fileName() + " (" + spec.title() + " constituents)";
    }

    public IndexSpec spec() {
        return spec;
    }

    @Override
    public TaskResult run(TaskContext context) {
        TaskResult.Builder result = context.newResult(name());
        Path dataDir = context.dataDir().toAbsolutePath().normalize();
        Path file = dataDir.resolve(spec.fileName()).normalize();
        if (!file.getParent().equals(dataDir)) {
            result.error("refusing to write " + file + ": index file names must stay inside the data dir " + dataDir);
            return result.finish(context.clock().instant());
        }
        file = context.dataDir().resolve(spec.fileName());
        result.detail("file", file.toString());
        try {
            refresh(context, file, result);
        } catch (IOException e) {
            result.error("could not write " + file + ": " + describe(e) + "; the existing file was left unchanged");
        }
        return result.finish(context.clock().instant());
    }

    private void refresh(TaskContext context, Path file, TaskResult.Builder result) throws IOException {
        Optional<ConstituentFile> current;
        try {
            current = Files.exists(file) ? Optional.of(ConstituentFile.read(file)) : Optional.empty();
        } catch (CsvFormatException e) {
            result.error("cannot read the current file: " + e.getMessage() + "; fix or move it before refreshing");
            return;
        }
        current.ifPresent(c -> result.beforeCount(c.table().symbolCount()));
        if (current.isEmpty()) {
            result.warning(file + " does not exist yet; it will be created");
        }

        if (source == null) {
            result.error("no source is registered for index '" + spec.index() + "' (add maintenance-sources to the "
                    + "class path or give the runner a ConstituentSource)");
            return;
        }
        context.progress(name() + ": fetching " + spec.title() + " constituents");
        SourceContext sourceContext = new SourceContext(context.request().sourceUrls(), context.request().snapshot(),
                context.clock());
        String intended = sourceContext.snapshot() ? "snapshot" : sourceContext.urlFor(spec.index(), source.defaultUrl());
        SourceResult fetched;
        try {
            fetched = source.fetch(sourceContext);
        } catch (SourceException e) {
            result.source(intended);
            result.error("source failed: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.warn("source for {} threw", spec.index(), e);
            result.source(intended);
            result.error("source for " + spec.index() + " failed unexpectedly: " + describe(e));
            return;
        }
        result.source(fetched.source());
        result.warnings(fetched.warnings());

        ConstituentTable proposed = fetched.table();
        if (current.isPresent()) {
            Enrichment.Result enriched = Enrichment.fill(proposed, current.get().table());
            proposed = enriched.table();
            result.detail("enriched_rows", enriched.filledRows());
        }
        List<String> columns = outputColumns(proposed, current);
        proposed = new ConstituentTable(columns, sortedProjection(proposed, columns));
        result.detail("proposed_rows", proposed.rowCount());

        ValidationPolicy policy = new ValidationPolicy(spec.minimumRows(), warnChangeRatio, failChangeRatio,
                context.request().allowLargeChange());
        ValidationResult validation = validators.validate(new ValidationInput(spec, proposed,
                current.map(ConstituentFile::table), policy, fetched.recordsParsed()));
        result.validation(validation);

        ConstituentTable distinct = proposed.distinctSortedBySymbol();
        result.afterCount(distinct.symbolCount());
        TableDiff diff = TableDiff.between(current.map(ConstituentFile::table)
                .orElse(ConstituentTable.of(spec.hasDisplaySymbol(), List.of())), distinct);
        result.added(diff.added()).removed(diff.removed());
        boolean unchanged = current.isPresent() && sameRows(current.get().table(), distinct);
        result.detail("changed", !unchanged);

        if (validation.failed()) {
            result.error("validation failed; " + file.getFileName() + " was left unchanged");
            return;
        }
        if (context.dryRun()) {
            context.progress(name() + ": dry run, " + distinct.symbolCount() + " symbols proposed ("
                    + diff.added().size() + " added, " + diff.removed().size() + " removed); nothing written");
            return;
        }
        if (unchanged) {
            result.detail("message", "no change: " + file.getFileName() + " already matches the source; nothing written");
            return;
        }
        apply(context, file, current, distinct, policy, fetched.recordsParsed(), result);
    }

    private void apply(TaskContext context, Path file, Optional<ConstituentFile> current, ConstituentTable distinct,
                       ValidationPolicy policy, int recordsParsed, TaskResult.Builder result) throws IOException {
        CsvDialect dialect = current.map(ConstituentFile::dialect).orElse(CsvDialect.DEFAULT);
        byte[] bytes = ConstituentFile.encode(distinct, dialect);
        try (StagedFile staged = AtomicFileWriter.stage(file, bytes)) {
            ConstituentTable written;
            try {
                written = ConstituentFile.read(staged.path()).table();
            } catch (CsvFormatException e) {
                result.error("the staged file did not read back: " + e.getMessage() + "; nothing replaced");
                return;
            }
            ValidationResult recheck = validators.validate(new ValidationInput(spec, written,
                    current.map(ConstituentFile::table), policy, recordsParsed));
            if (!written.equals(distinct) || recheck.failed()) {
                result.error("the staged file did not match what was validated; " + file.getFileName()
                        + " was left unchanged");
                return;
            }
            if (current.isPresent()) {
                Path backup = new BackupStore(context.dataDir()).backup(file, context.clock().instant());
                result.detail("backup", backup.toString());
            }
            staged.commit();
        }
        context.progress(name() + ": replaced " + file);
        result.detail("written", true);
        invalidateCaches(result);
    }

    private void invalidateCaches(TaskResult.Builder result) {
        List<String> done = new ArrayList<>();
        for (CacheInvalidator invalidator : invalidators) {
            try {
                invalidator.invalidate(spec.index());
                done.add(invalidator.name());
            } catch (Exception e) {
                result.warning("cache invalidator " + invalidator.name() + " failed for " + spec.index() + ": "
                        + describe(e) + "; the file was replaced, restart the screener to reload it");
            }
        }
        result.detail("caches_invalidated", done);
    }

    /** Keep the current file's column order (and its extra columns); a new file gets the canonical order. */
    private List<String> outputColumns(ConstituentTable proposed, Optional<ConstituentFile> current) {
        List<String> canonical = ConstituentTable.canonicalColumns(spec.hasDisplaySymbol());
        if (current.isPresent() && current.get().table().columns().containsAll(canonical)) {
            return current.get().table().columns();
        }
        List<String> columns = new ArrayList<>(canonical);
        for (String column : proposed.columns()) {
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Rows as the file will hold them (projected onto its columns), sorted by symbol, duplicates kept. */
    private static List<ConstituentRow> sortedProjection(ConstituentTable table, List<String> columns) {
        List<ConstituentRow> rows = new ArrayList<>(table.rowCount());
        for (ConstituentRow row : table.rows()) {
            rows.add(row.projectedOnto(columns));
        }
        rows.sort(Comparator.comparing(ConstituentRow::symbol));
        return rows;
    }

    private static boolean sameRows(ConstituentTable a, ConstituentTable b) {
        return a.columns().equals(b.columns()) && a.rowCount() == b.rowCount()
                && new HashSet<>(a.rows()).equals(new HashSet<>(b.rows()));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
