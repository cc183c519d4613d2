package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.Bounded;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ContentCheck;
import com.twsrobot.maintenance.api.FileWrite;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.MembershipList;
import com.twsrobot.maintenance.api.MembershipSource;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.report.TaskDetails;
import com.twsrobot.maintenance.core.csv.CsvDialect;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.io.FileReplacer;
import com.twsrobot.maintenance.api.SourceFacts;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.core.validation.ChangeAnalysis;
import com.twsrobot.maintenance.core.validation.ConsensusValidator;
import com.twsrobot.maintenance.core.validation.ValidatorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Refreshes one index's constituent file. The proposal comes from the source (fetch → enrichment),
 * from a saved plan (exactly what a dry run showed) or from a backup (rollback); then one path for
 * all three: validators → (a dry run saves the plan and stops) → temp file → read back and validate
 * again → backup → atomic rename → cache invalidation → backup retention. Any failure before the
 * rename leaves the file byte for byte as it was.
 */
public final class ConstituentRefreshTask implements MaintenanceTask {

    private static final Logger LOG = LoggerFactory.getLogger(ConstituentRefreshTask.class);
    /** How long past its deadline a source may take before it is abandoned. */
    private static final Duration SOURCE_GRACE = Duration.ofSeconds(1);

    /**
     * @param warnChangeRatio  count change that warns
     * @param failChangeRatio  count change that fails without the override
     * @param maxPlanAge       oldest plan an apply accepts
     * @param keepBackups      newest backups kept per file
     * @param maxFileBytes     largest current file read
     * @param churnWarnRatio   symbols replaced that warns
     * @param churnFailRatio   symbols replaced that fails without the override
     * @param heavyRemovalPercent weight (percent) above which an unexplained removal fails without the override
     * @param staleAfter       content older than this (by its content date) warns
     */
    public record Settings(double warnChangeRatio, double failChangeRatio, Duration maxPlanAge, int keepBackups,
                           long maxFileBytes, double churnWarnRatio, double churnFailRatio, double heavyRemovalPercent,
                           Duration staleAfter) {
        public static final Settings DEFAULT = new Settings(ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO,
                ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO, Duration.ofHours(24), 30, ConstituentFile.DEFAULT_MAX_BYTES,
                ValidationPolicy.DEFAULT_CHURN_WARN_RATIO, ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO);

        /** Settings with the default heavy-removal share (1 %) and content age (30 days). */
        public Settings(double warnChangeRatio, double failChangeRatio, Duration maxPlanAge, int keepBackups,
                        long maxFileBytes, double churnWarnRatio, double churnFailRatio) {
            this(warnChangeRatio, failChangeRatio, maxPlanAge, keepBackups, maxFileBytes, churnWarnRatio, churnFailRatio,
                    ValidationPolicy.DEFAULT_HEAVY_REMOVAL_PERCENT, Duration.ofDays(30));
        }
    }

    /**
     * A proposed file.
     *
     * @param source           where it came from
     * @param validated        the table validators see (duplicates still in it for a fetched proposal)
     * @param written          the table the file must read back as
     * @param bytes            the exact bytes to write
     * @param recordsParsed    source records behind it
     * @param allowLargeChange whether a large count change is accepted
     * @param fetched          true for a fresh fetch (which a dry run saves as a plan)
     * @param fetchedResult    the source's answer for a fresh fetch (its change records, weights, content date)
     */
    private record Proposal(String source, ConstituentTable validated, ConstituentTable written, byte[] bytes,
                            int recordsParsed, boolean allowLargeChange, boolean fetched,
                            Optional<SourceResult> fetchedResult) {
    }

    private final IndexSpec spec;
    private final ConstituentSource source;
    private final ValidatorChain validators;
    private final FileReplacer replacer;
    private final Settings settings;
    private final AtomicFileWriter writer;
    private final List<MembershipSource> secondSources;

    /** {@code source} may be null: the task then fails saying no source is registered. */
    public ConstituentRefreshTask(IndexSpec spec, ConstituentSource source, ValidatorChain validators,
                                  List<CacheInvalidator> invalidators, Settings settings, AtomicFileWriter writer) {
        this(spec, source, validators, invalidators, settings, writer, List.of());
    }

    /** With second sources of the index's members (each off unless its URL key is configured). */
    public ConstituentRefreshTask(IndexSpec spec, ConstituentSource source, ValidatorChain validators,
                                  List<CacheInvalidator> invalidators, Settings settings, AtomicFileWriter writer,
                                  List<MembershipSource> secondSources) {
        this.secondSources = List.copyOf(secondSources);
        this.spec = spec;
        this.source = source;
        this.validators = validators;
        this.replacer = new FileReplacer(writer, invalidators, settings.keepBackups(), settings.maxFileBytes());
        this.settings = settings;
        this.writer = writer;
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
    public Set<Capability> capabilities() {
        return Set.of(Capability.PREVIEW, Capability.PLANS, Capability.WRITES_FILES);
    }

    @Override
    public Set<String> files() {
        return Set.of(spec.fileName());
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
        Path resolved = dataDir.resolve(spec.fileName()).normalize();
        if (!dataDir.equals(resolved.getParent())) {
            result.error(NoticeCode.WRITE_FAILED,
                    "refusing to write " + resolved + ": index file names must stay inside the data dir " + dataDir);
            return TaskDetails.typed(result.finish(context.clock().instant()));
        }
        Path file = context.dataDir().resolve(spec.fileName());
        result.detail("file", file.toString());
        try {
            refresh(context, file, result);
        } catch (IOException e) {
            result.error(NoticeCode.WRITE_FAILED,
                    "could not write " + file + ": " + describe(e) + "; the existing file was left unchanged", e);
        }
        // Its facts as their record, for a caller of run() without the runner too (the runner types them anyway).
        return TaskDetails.typed(result.finish(context.clock().instant()));
    }

    private void refresh(TaskContext context, Path file, TaskResult.Builder result) throws IOException {
        RunRequest request = context.request();
        // The download starts first, so reading and parsing the current file overlaps it.
        RunMode mode = request.mode();
        Optional<Fetch> fetch = mode instanceof RunMode.ApplyPlan || mode instanceof RunMode.Rollback || source == null
                ? Optional.empty()
                : Optional.of(startFetch(context));
        Optional<ConstituentFile> current;
        try {
            current = Files.exists(file) ? Optional.of(ConstituentFile.read(file, settings.maxFileBytes()))
                    : Optional.empty();
        } catch (CsvFormatException e) {
            fetch.ifPresent(f -> f.pending().cancel());
            result.error(NoticeCode.FILE_UNREADABLE, "cannot read the current file: " + CauseFormatter.describe(e)
                    + "; fix or move it before refreshing", e);
            return;
        } catch (IOException | RuntimeException e) {
            fetch.ifPresent(f -> f.pending().cancel());
            throw e;
        }
        current.ifPresent(c -> result.beforeCount(c.table().symbolCount()));
        if (current.isEmpty()) {
            result.warning(NoticeCode.FILE_MISSING, file + " does not exist yet; it will be created");
        }

        Optional<Proposal> proposal = mode instanceof RunMode.ApplyPlan plan ? fromPlan(context, plan, file, current, result)
                : mode instanceof RunMode.Rollback rollback ? fromBackup(context, rollback, file, result)
                : fromSource(context, fetch, current, result);
        if (proposal.isEmpty()) {
            return;
        }
        Proposal p = proposal.get();
        result.source(p.source());

        ValidationPolicy policy = new ValidationPolicy(spec.minimumRows(), settings.warnChangeRatio(),
                settings.failChangeRatio(), p.allowLargeChange(), settings.churnWarnRatio(), settings.churnFailRatio(),
                settings.heavyRemovalPercent());
        Map<String, Map<String, Double>> fundWeights = new LinkedHashMap<>();
        List<MembershipList> opinions = p.fetched() ? secondOpinions(context, p.validated(), result, fundWeights) : List.of();
        LocalDate day = context.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
        Optional<SourceFacts> facts = p.fetchedResult().map(f -> new SourceFacts(day, f.changes(), f.weights(), fundWeights));
        ValidationResult validation = validators.validate(new ValidationInput(spec, p.validated(),
                current.map(ConstituentFile::table), policy, p.recordsParsed(), opinions, facts));
        result.validation(validation);
        result.afterCount(p.written().symbolCount());
        TableDiff diff = TableDiff.between(current.map(ConstituentFile::table)
                .orElse(ConstituentTable.of(spec.hasDisplaySymbol(), List.of())), p.written());
        result.added(diff.added()).removed(diff.removed());
        result.detail("changed_rows", diff.changed().stream().map(ConstituentRefreshTask::changedRow).toList());
        if (current.isPresent()) {
            ChangeAnalysis analysis = ChangeAnalysis.of(diff.added(), diff.removed(),
                    facts.map(SourceFacts::changes).orElse(List.of()), day);
            result.detail("change_classification", classification(analysis,
                    facts.filter(f -> !f.changes().isEmpty()).isPresent()));
            result.detail("renames", analysis.renames().stream().map(ChangeAnalysis.Rename::toMap).toList());
        }
        p.fetchedResult().ifPresent(f -> {
            result.detail("content", ContentDates.toMap(f.content(), context.clock().instant()));
            // The version this content makes: a later status finds the date of the file on disk by it, also
            // when this run found the file already holding these rows and wrote nothing.
            result.detail("content_sha256", Sha256.hex(p.bytes()));
        });
        boolean unchanged = current.isPresent() && (Arrays.equals(current.get().bytes(), p.bytes())
                || (p.fetched() && sameRows(current.get().table(), p.written())));
        result.detail("changed", !unchanged);

        if (context.dryRun()) {
            if (p.fetched()) {
                savePlan(context, file, current, p, validation, result);
            }
            if (!validation.failed()) {
                context.progress(name() + ": dry run, " + p.written().symbolCount() + " symbols proposed ("
                        + diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changed().size()
                        + " field change(s)); nothing written");
            }
        }
        if (validation.failed()) {
            result.error(NoticeCode.VALIDATION_FAILED,
                    "validation failed; " + file.getFileName() + " was left unchanged");
            return;
        }
        if (context.dryRun()) {
            return;
        }
        if (unchanged) {
            result.detail("message", "no change: " + file.getFileName() + " already holds these rows; nothing written");
            return;
        }
        apply(context, file, current, p, policy, result);
    }

    /** A source fetch under way, with its deadline and what it reads. */
    private record Fetch(Bounded.Started<SourceResult> pending, Duration timeout, String intended) {
    }

    private Fetch startFetch(TaskContext context) {
        Duration timeout = context.request().effectiveSourceTimeout();
        SourceContext sourceContext = new SourceContext(context.request().sourceUrls(), context.request().snapshot(),
                context.clock(), timeout, context.http());
        String intended = sourceContext.snapshot() ? "snapshot" : sourceContext.urlFor(spec.index(), source.defaultUrl());
        context.progress(name() + ": fetching " + spec.title() + " constituents");
        return new Fetch(Bounded.start("source-" + spec.index(), () -> source.fetch(sourceContext)), timeout, intended);
    }

    private Optional<Proposal> fromSource(TaskContext context, Optional<Fetch> fetch, Optional<ConstituentFile> current,
                                          TaskResult.Builder result) {
        if (fetch.isEmpty()) {
            result.error(NoticeCode.NOT_CONFIGURED,
                    "no source is registered for index '" + spec.index() + "' (add maintenance-sources to the "
                    + "class path or give the runner a ConstituentSource)");
            return Optional.empty();
        }
        Duration timeout = fetch.get().timeout();
        String intended = fetch.get().intended();
        SourceResult fetched;
        try {
            // The source bounds itself; this outer bound (a little later, so the source's own message wins)
            // holds even for a source that does not. Reading the current file came out of the same time.
            fetched = fetch.get().pending().await(timeout.plus(SOURCE_GRACE));
        } catch (SourceException e) {
            result.source(intended);
            result.error(NoticeCode.SOURCE_FAILED, "source failed: " + e.getMessage(), e);
            return Optional.empty();
        } catch (TimeoutException e) {
            result.source(intended);
            result.error(NoticeCode.SOURCE_FAILED,
                    "source for " + spec.index() + " did not finish within the " + timeout.toSeconds()
                    + " s deadline (reading " + intended + "); it was abandoned", e);
            return Optional.empty();
        } catch (Exception e) {
            LOG.warn("source for {} threw: {}", spec.index(), CauseFormatter.describe(e));
            result.source(intended);
            result.error(NoticeCode.SOURCE_FAILED,
                    "source for " + spec.index() + " failed unexpectedly: " + describe(e), e);
            return Optional.empty();
        }
        result.warnings(fetched.warnings());
        staleContent(fetched.content(), context).ifPresent(w -> result.warning(NoticeCode.CONTENT_STALE, w));
        ConstituentTable proposed = fetched.table();
        if (current.isPresent()) {
            Enrichment.Result enriched = Enrichment.fill(proposed, current.get().table());
            proposed = enriched.table();
            result.detail("enriched_rows", enriched.filledRows());
        }
        List<String> columns = outputColumns(proposed, current);
        proposed = new ConstituentTable(columns, sortedProjection(proposed, columns));
        result.detail("proposed_rows", proposed.rowCount());
        ConstituentTable distinct = proposed.distinctSortedBySymbol();
        CsvDialect dialect = current.map(ConstituentFile::dialect).orElse(CsvDialect.DEFAULT);
        return Optional.of(new Proposal(fetched.source(), proposed, distinct, ConstituentFile.encode(distinct, dialect),
                fetched.recordsParsed(), context.request().allowLargeChange(), true, Optional.of(fetched)));
    }

    /**
     * Reads each configured second source and compares it with the proposal; all of them are reported
     * in {@code detail.second_opinion} (a stale one, or one without data, as skipped — never as "0
     * members"); the usable ones go to the consensus validator.
     */
    private List<MembershipList> secondOpinions(TaskContext context, ConstituentTable proposed, TaskResult.Builder result,
                                                Map<String, Map<String, Double>> weights) {
        List<MembershipList> usable = new ArrayList<>();
        List<Map<String, Object>> report = new ArrayList<>();
        Duration timeout = context.request().effectiveSourceTimeout();
        SourceContext sourceContext = new SourceContext(context.request().sourceUrls(), context.request().snapshot(),
                context.clock(), timeout, context.http());
        java.time.LocalDate today = context.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (MembershipSource second : secondSources) {
            String url = context.request().sourceUrls().get(second.key());
            if (url == null) {
                continue; // off unless configured: no network call by default
            }
            context.progress(name() + ": reading the second opinion " + second.key());
            MembershipList list;
            try {
                list = Bounded.call("second-" + second.key(), timeout.plus(SOURCE_GRACE), () -> second.fetch(url,
                        sourceContext));
            } catch (Exception e) {
                String why = e instanceof TimeoutException ? "did not answer within the " + timeout.toSeconds() + " s deadline"
                        : describe(e);
                result.warning(NoticeCode.SOURCE_FAILED,
                        "second opinion " + second.key() + " could not be read (" + why + "); skipped");
                report.add(skipped(second.key(), "", "could not be read: " + why));
                continue;
            }
            String asOf = list.asOf().map(Object::toString).orElse("");
            if (!list.noData() && !list.weights().isEmpty()) {
                // A member's weight moves slowly: a holdings file too old to judge membership still tells a heavy member.
                weights.put(second.key(), list.weights());
            }
            if (list.noData()) {
                report.add(skipped(second.key(), asOf, "the source has no data for its date (that is not \"0 members\")"));
            } else if (list.asOf().isEmpty() || list.asOf().get().isBefore(today.minusDays(ConsensusValidator.MAX_AGE_DAYS))) {
                report.add(skipped(second.key(), asOf, "as of " + (asOf.isEmpty() ? "an unknown date" : asOf)
                        + ", more than " + ConsensusValidator.MAX_AGE_DAYS + " days before the run (" + today + ")"));
            } else {
                usable.add(list);
                ConsensusValidator.Comparison c = ConsensusValidator.compare(proposed.bySymbol(), list);
                int n = c.disagreements();
                report.add(c.toMap(n == 0 ? "agrees" : n <= ConsensusValidator.NOTE_UP_TO ? "note"
                        : n <= ConsensusValidator.FAIL_ABOVE ? "warning" : "fails", ""));
            }
        }
        if (!report.isEmpty()) {
            result.detail("second_opinion", report);
        }
        return usable;
    }

    /** The content date the preview recorded: the plan applies its content, so the file keeps its date. */
    private Optional<Object> previewContent(TaskContext context, String planId) {
        return new com.twsrobot.maintenance.core.report.ReportStore(context.reportsDir(), writer).read(planId)
                .flatMap(r -> r.results().stream().filter(t -> t.task().equals(name())).findFirst())
                .map(t -> com.twsrobot.maintenance.core.report.TaskDetails.toMap(t.detail()).get("content")).filter(c -> ContentDates.fromDetail(c).isPresent());
    }

    /** A warning when the content's own date is older than {@code stale_after_days}, however fresh the fetch. */
    private Optional<String> staleContent(ContentDate content, TaskContext context) {
        if (content.asOf().isEmpty()) {
            return Optional.empty();
        }
        java.time.Instant now = context.clock().instant();
        if (!content.asOf().get().isBefore(now.minus(settings.staleAfter()))) {
            return Optional.empty();
        }
        String date = content.asOf().get().atZone(ZoneOffset.UTC).toLocalDate().toString();
        long days = ContentDates.ageDays(content.asOf().get(), now);
        String what = content.origin() == ContentDate.Origin.SNAPSHOT
                ? "the bundled snapshot's content is as of " + date + (context.dryRun() ? "" : " and is being applied")
                : "the source's content is as of " + date + " (" + content.basis() + ")";
        return Optional.of(what + ": " + days + " days old, older than stale_after_days (" + settings.staleAfter().toDays()
                + "); members changed since then are missing");
    }

    /**
     * {@code detail.change_classification}: each added and removed symbol (renames apart) with its
     * classification and, when a change record covers it, the record's date, reason and place.
     */
    private static Map<String, Object> classification(ChangeAnalysis analysis, boolean judged) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("judged", judged); // false: the source states no change records (or the proposal was not fetched)
        m.put("added", analysis.added().stream().map(ChangeAnalysis.Entry::toMap).toList());
        m.put("removed", analysis.removed().stream().map(ChangeAnalysis.Entry::toMap).toList());
        m.put("replaced", analysis.replaced());
        return m;
    }

    private static Map<String, Object> skipped(String source, String asOf, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("as_of", asOf);
        m.put("status", "skipped");
        m.put("reason", reason);
        return m;
    }

    private Optional<Proposal> fromPlan(TaskContext context, RunMode.ApplyPlan mode, Path file,
                                        Optional<ConstituentFile> current, TaskResult.Builder result) throws IOException {
        String planId = mode.planId();
        result.detail("plan_id", planId);
        Optional<Plan> loaded;
        try {
            loaded = new PlanStore(context.reportsDir(), writer, PlanStore.capFor(settings.maxFileBytes())).load(planId, name());
        } catch (IOException e) {
            result.error(NoticeCode.PLAN_REFUSED, e.getMessage() + "; nothing was written, preview again");
            return Optional.empty();
        }
        if (loaded.isEmpty()) {
            result.error(NoticeCode.PLAN_REFUSED,
                    "no plan for " + name() + " in report " + planId + " (plans are saved by dry runs; "
                    + "preview again)");
            return Optional.empty();
        }
        Plan plan = loaded.get();
        result.source(plan.source());
        previewContent(context, planId).ifPresent(c -> result.detail("content", c));
        if (plan.validation() == ValidationStatus.FAILED) {
            result.error(NoticeCode.PLAN_REFUSED,
                    "plan " + planId + " failed validation when it was previewed; it cannot be applied");
            return Optional.empty();
        }
        Duration age = Duration.between(plan.createdAt(), context.clock().instant());
        if (age.compareTo(settings.maxPlanAge()) > 0) {
            result.error(NoticeCode.PLAN_REFUSED,
                    "plan " + planId + " is " + age.toHours() + " h old, older than the " + settings.maxPlanAge().toHours()
                    + " h allowed; preview again");
            return Optional.empty();
        }
        String now = current.map(c -> Sha256.hex(c.bytes())).orElse("");
        if (!now.equals(plan.baseSha256())) {
            result.error(NoticeCode.PLAN_REFUSED,
                    "stale plan: the file changed since the preview (" + file.getFileName() + " is no longer the file "
                    + "plan " + planId + " was computed against); preview again");
            return Optional.empty();
        }
        byte[] bytes = plan.content().getBytes(StandardCharsets.UTF_8);
        ConstituentTable table;
        try {
            table = ConstituentFile.parse(bytes, "plan " + planId).table();
        } catch (CsvFormatException e) {
            result.error(NoticeCode.PLAN_REFUSED, "plan " + planId + " cannot be read: " + e.getMessage(), e);
            return Optional.empty();
        }
        return Optional.of(new Proposal(plan.source(), table, table, bytes, table.rowCount(), plan.allowLargeChange(),
                false, Optional.empty()));
    }

    private Optional<Proposal> fromBackup(TaskContext context, RunMode.Rollback mode, Path file, TaskResult.Builder result)
            throws IOException {
        String wanted = mode.backupId();
        Optional<Backup> backup = new BackupStore(context.dataDir(), writer)
                .find(file.getFileName().toString(), wanted);
        if (backup.isEmpty()) {
            result.error(NoticeCode.BACKUP_REFUSED,
                    "no backup '" + wanted + "' of " + file.getFileName() + " (list them with: backups --task "
                    + name() + ")");
            return Optional.empty();
        }
        result.detail("restored_backup", backup.get().id());
        byte[] bytes;
        try {
            bytes = BackupStore.read(backup.get(), settings.maxFileBytes());
        } catch (IOException e) {
            result.error(NoticeCode.BACKUP_REFUSED,
                    "backup " + backup.get().id() + " cannot be read: " + e.getMessage(), e);
            return Optional.empty();
        }
        ConstituentTable table;
        try {
            table = ConstituentFile.parse(bytes, backup.get().path().toString()).table();
        } catch (CsvFormatException e) {
            result.error(NoticeCode.BACKUP_REFUSED,
                    "backup " + backup.get().id() + " cannot be read: " + e.getMessage(), e);
            return Optional.empty();
        }
        // Restoring a file that was once in place: a large count change is expected, so it only warns.
        return Optional.of(new Proposal("backup:" + backup.get().path(), table, table, bytes, table.rowCount(), true,
                false, Optional.empty()));
    }

    private void savePlan(TaskContext context, Path file, Optional<ConstituentFile> current, Proposal p,
                          ValidationResult validation, TaskResult.Builder result) {
        Plan plan = new Plan(context.reportId(), name(), file.toString(),
                current.map(c -> Sha256.hex(c.bytes())).orElse(""), context.clock().instant(), validation.status(),
                p.allowLargeChange(), p.source(), new String(p.bytes(), StandardCharsets.UTF_8));
        try {
            String checksum = new PlanStore(context.reportsDir(), writer.withoutFsync()).save(plan);
            result.detail("plan_id", context.reportId());
            result.detail(PlanStore.PLAN_SHA256, checksum);
        } catch (IOException e) {
            result.warning(NoticeCode.PLAN_NOT_SAVED,
                    "could not save the plan of this preview (" + describe(e) + "); an apply will fetch again");
        }
    }

    /**
     * Writes the proposal through the shared safe path; what is read back from the staged file must parse
     * to exactly the rows validated and pass validation again.
     */
    private void apply(TaskContext context, Path file, Optional<ConstituentFile> current, Proposal p,
                       ValidationPolicy policy, TaskResult.Builder result) throws IOException {
        ContentCheck sameAsValidated = staged -> {
            ConstituentTable written;
            try {
                written = ConstituentFile.parse(staged, file.toString()).table();
            } catch (CsvFormatException e) {
                return List.of("the staged file did not read back: " + e.getMessage());
            }
            ValidationResult recheck = validators.validate(new ValidationInput(spec, written,
                    current.map(ConstituentFile::table), policy, p.recordsParsed()));
            return !written.equals(p.written()) || recheck.failed()
                    ? List.of("the staged file did not match what was validated") : List.of();
        };
        FileWrite write = replacer.replace(context, spec.index(), spec.fileName(), p.bytes(), sameAsValidated);
        if (Files.isSymbolicLink(file)) {
            result.detail("written_through_link", write.file().toString());
        }
        write.reportInto(result);
    }

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
        return CauseFormatter.describe(e);
    }

    /** A changed row as reports list it: {@code {symbol, field, old, new}}. */
    private static Map<String, Object> changedRow(TableDiff.FieldChange c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("symbol", c.symbol());
        m.put("field", c.field());
        m.put("old", c.oldValue());
        m.put("new", c.newValue());
        return m;
    }
}
