package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Trigger;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.api.UnknownTaskException;
import com.twsrobot.maintenance.core.calendar.CalendarOverrides;
import com.twsrobot.maintenance.core.calendar.ExchangeCalendar;
import com.twsrobot.maintenance.core.calendar.MarketClock;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.OwnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scheduled dry runs (and, under {@code schedule.apply = when-clean}, applies of clean plans). Each due
 * slot runs once: the newest slot at or before now runs unless the state file says it already ran, so
 * a server that was down through one or many slots runs once when it is back, never a burst. The state
 * ({@code schedule.state} in the reports directory) holds the last slot run; without it the first start
 * runs nothing and waits for the next slot.
 */
public final class ScheduledRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    /** The state file's name in the reports directory. */
    public static final String STATE_FILE = "schedule.state";
    /** The state file holds two short lines; anything this large is not one we wrote. */
    static final long MAX_STATE_BYTES = 64 * 1024;
    /** How often the schedule looks at the clock; a slot runs at most this late (and a busy console retries then). */
    public static final Duration TICK = Duration.ofSeconds(30);

    /** What one look at the clock did. */
    public record Outcome(Instant slot, Optional<RunReport> dryRun, Optional<RunReport> apply, String note) {
    }

    private final ScheduleSettings settings;
    private final Clock clock;
    private final Path stateFile;
    private final Supplier<List<ExchangeCalendar>> calendars;
    private final Function<RunRequest, Optional<RunReport>> execute;
    private volatile ScheduledExecutorService timer;

    /**
     * @param execute runs a request and returns its report, or empty when another run is under way (the
     *                slot then stays due and is tried again at the next tick)
     */
    public ScheduledRuns(ScheduleSettings settings, Clock clock, Path reportsDir, Supplier<List<ExchangeCalendar>> calendars,
                         Function<RunRequest, Optional<RunReport>> execute) {
        this.settings = settings;
        this.clock = clock;
        this.stateFile = reportsDir.resolve(STATE_FILE);
        this.calendars = calendars;
        this.execute = execute;
    }

    /**
     * The schedule of {@code runner}: its clock, reports directory and exchange calendars (the data
     * directory's overrides applied; the bundled ones while an override file is malformed, which the
     * scheduled run itself then reports).
     *
     * @throws IllegalArgumentException when the settings name a task or group the runner does not know
     */
    public static ScheduledRuns of(MaintenanceRunner runner, ScheduleSettings settings,
                                   Function<RunRequest, Optional<RunReport>> execute) {
        try {
            runner.registry().resolve(settings.tasks());
        } catch (UnknownTaskException e) {
            throw new IllegalArgumentException("schedule.tasks: " + e.getMessage(), e);
        }
        Path dataDir = runner.dataDir();
        java.util.Set<String> exchanges = runner.exchanges();
        return new ScheduledRuns(settings, runner.clock(), runner.reportsDir(),
                () -> MarketClock.of(CalendarOverrides.calendarsOrBundled(dataDir), exchanges), execute);
    }

    public ScheduleSettings settings() {
        return settings;
    }

    /** The next slot after now. */
    public Instant nextDue() {
        return settings.dryRun().nextAfter(clock.instant(), calendars.get());
    }

    /** The last slot run, as the state file says. */
    public Optional<Instant> lastRun() throws IOException {
        try {
            Properties state = new Properties();
            state.load(new StringReader(OwnFiles.readString(stateFile, MAX_STATE_BYTES, "schedule state file")));
            String value = state.getProperty("last_slot");
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value.trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException(stateFile + " is unreadable (" + e.getMessage() + "); delete it to start the schedule afresh");
        }
    }

    /**
     * Runs the newest due slot if it has not run; empty when nothing is due (or on the first start, which
     * only records where the schedule begins).
     */
    public synchronized Optional<Outcome> runDue() throws IOException {
        Instant now = clock.instant();
        Instant due = settings.dryRun().latestAtOrBefore(now, calendars.get());
        Optional<Instant> last = lastRun();
        if (last.isEmpty()) {
            saveState(due);
            LOG.info("schedule {} starts; next dry run at {}", settings.dryRun(), nextDue());
            return Optional.empty();
        }
        if (!due.isAfter(last.get())) {
            return Optional.empty();
        }
        if (due.isBefore(now.minus(TICK.multipliedBy(2)))) {
            LOG.info("scheduled dry run of {} was missed (the server was not running); running it once now", due);
        }
        return Optional.of(run(due));
    }

    private Outcome run(Instant slot) throws IOException {
        RunRequest dryRun = RunRequest.builder().tasks(settings.tasks()).trigger(Trigger.schedule()).build();
        Optional<RunReport> report = execute.apply(dryRun);
        if (report.isEmpty()) {
            return new Outcome(slot, Optional.empty(), Optional.empty(), "another run is under way; trying again in "
                    + TICK.toSeconds() + " s");
        }
        saveState(slot);
        RunReport dry = report.get();
        LOG.info("scheduled dry run {} of slot {}: {}", dry.reportId(), slot, dry.status().wireName());
        if (!settings.applyWhenClean()) {
            return new Outcome(slot, report, Optional.empty(), "dry run " + dry.reportId() + " kept for review");
        }
        Optional<String> unclean = whyNotClean(dry);
        if (unclean.isPresent()) {
            String note = "not applied: " + unclean.get() + "; schedule.apply = when-clean applies only a plan whose "
                    + "validation passed with no warnings and no errors. Review dry run " + dry.reportId();
            LOG.warn("scheduled dry run {} {}", dry.reportId(), note);
            return new Outcome(slot, report, Optional.empty(), note);
        }
        if (dry.results().stream().noneMatch(r -> Boolean.TRUE.equals(r.detail().changed())
                && com.twsrobot.maintenance.core.report.TaskDetails.toMap(r.detail()).containsKey("plan_id"))) {
            return new Outcome(slot, report, Optional.empty(), "dry run " + dry.reportId() + " is clean and changes nothing");
        }
        Optional<RunReport> apply = execute.apply(RunRequest.builder().plan(dry.reportId()).apply()
                .trigger(Trigger.schedule()).build());
        String note = apply.map(a -> "applied plan " + dry.reportId() + " as " + a.reportId() + ": " + a.status().wireName())
                .orElse("not applied: another run started before the apply; dry run " + dry.reportId() + " is kept for review");
        LOG.info("scheduled {}", note);
        return new Outcome(slot, report, apply, note);
    }

    /** Why a dry run's plan may not be applied unattended, or empty when it is clean. */
    static Optional<String> whyNotClean(RunReport dry) {
        if (dry.errorCount() > 0) {
            return Optional.of("the dry run ended " + dry.status().wireName() + " with " + dry.errorCount() + " error(s)");
        }
        if (dry.warningCount() > 0) {
            return Optional.of("the dry run has " + dry.warningCount() + " warning(s)");
        }
        if (dry.status() != TaskStatus.SUCCESS) {
            return Optional.of("the dry run ended " + dry.status().wireName());
        }
        return Optional.empty();
    }

    private void saveState(Instant slot) throws IOException {
        String text = "# the last slot of the schedule that ran; delete to restart the schedule from the next slot\n"
                + "schedule=" + settings.dryRun() + "\nlast_slot=" + slot + "\n";
        Files.createDirectories(stateFile.getParent());
        AtomicFileWriter.DEFAULT.write(stateFile, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Looks at the clock now (running a slot missed while the server was down) and every {@link #TICK} after. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance-schedule");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            runDue();
        } catch (IOException | RuntimeException e) {
            // The schedule keeps going: the next tick tries again, and the operator sees why in the log.
            LOG.error("scheduled run failed: {}", e.toString());
        }
    }

    /** Stops looking at the clock; a run under way finishes (its source deadlines bound it). */
    @Override
    public void close() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdown();
            timer = null;
        }
    }
}
