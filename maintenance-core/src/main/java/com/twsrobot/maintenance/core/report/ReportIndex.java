package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.OwnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An index of the reports directory, so that the newest reports, the runs still {@code in_progress}
 * and the reports old enough for retention are found without listing, sorting and reading every report.
 * The report files stay the source of truth; the index is rebuilt from them whenever it is missing or
 * inconsistent.
 * <p>
 * Layout, below {@code <reports>/index/} (a real directory, never a link; every read capped):
 * <ul>
 *   <li>{@code YYYYMMDD.tsv}: one append-only file per day of report ids (the day in the id), one line
 *       per state a report reached (reserved, in_progress, its final status, deleted); the last line
 *       of an id wins. Reading the newest reports reads the newest day files only.</li>
 *   <li>{@code state}: a sequence number (the history's generation, for caches), the reports
 *       directory's modification time the index last matched, and the ids still reserved or
 *       {@code in_progress}.</li>
 *   <li>{@code lock}: taken (with a bound) while a report is written and its line appended.</li>
 * </ul>
 * Writers change the reports directory and append their line under the lock, and then record the
 * directory's new modification time, but only when the index matched it before their change; while
 * they change it the state records no time at all. So a writer that died mid-change (even within the
 * tick of the file system's clock the state was written in, when the directory's time may not move)
 * leaves the state saying so, and a report written by a process that does not keep the index leaves
 * the directory's time different from the recorded one (within a tick: until {@link #CHECK_EVERY}
 * passes), and the next reader catches up:
 * it lists the directory once, indexes the reports it does not know and drops those that are gone.
 * When the lock cannot be had in its wait ({@link #LOCK_WAIT} by default), a writer writes its report
 * anyway and leaves the index behind, for the next reader to catch up; readers then scan the files.
 */
public final class ReportIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIndex.class);

    /** The index's folder below the reports directory. */
    public static final String DIR = "index";
    /** The largest day file read: 64 MiB, some 300,000 reports of one day. */
    public static final long MAX_DAY_BYTES = 64L * 1024 * 1024;
    /** The largest state file read: 4 MiB (it lists only the runs under way). */
    public static final long MAX_STATE_BYTES = 4L * 1024 * 1024;
    /**
     * How often, at most, a reader lists the directory to check the index even when its time says
     * nothing changed (see {@link #checkedRecently}): 10 minutes.
     */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    /** How long a writer or a catching-up reader waits for the index lock before going without the index, by default. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    static final String RESERVED = "reserved";
    static final String DELETED = "deleted";
    static final String UNREADABLE = "unreadable";
    static final String IN_PROGRESS = "in_progress";
    private static final String STATE_HEADER = "tws-maintenance report index 1";
    private static final Pattern DAY_FILE = Pattern.compile("\\d{8}\\.tsv");

    private static final Map<Path, ReportIndex> SHARED = new ConcurrentHashMap<>();

    /** What the index knows of one report: enough to order, filter and retain it without reading it. */
    public record Entry(String id, String state, boolean dryRun, List<String> tasks, Map<String, String> written) {

        public Entry {
            tasks = List.copyOf(tasks);
            written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
        }

        static Entry of(RunReport report) {
            List<String> tasks = new ArrayList<>();
            for (TaskResult r : report.results()) {
                tasks.add(r.task() + "=" + r.status().wireName());
            }
            return new Entry(report.reportId(), report.status().wireName(), report.dryRun(), tasks,
                    writtenVersions(report));
        }

        static Entry marker(String id, String state) {
            return new Entry(id, state, false, List.of(), Map.of());
        }

        /** Reserved (its run has not written it yet) or {@code in_progress}. */
        boolean open() {
            return state.equals(RESERVED) || state.equals(IN_PROGRESS);
        }

        /** A report a listing may show (it has been written and not removed). */
        boolean listed() {
            return !state.equals(RESERVED) && !state.equals(DELETED);
        }

        /** The task names its results have, each once. */
        List<String> taskNames() {
            return tasks.stream().map(t -> t.substring(0, t.lastIndexOf('='))).distinct().toList();
        }

        /** Whether one of its results is {@code task} (with {@code status}, when given). */
        boolean ran(String task, String status) {
            for (String t : tasks) {
                int eq = t.lastIndexOf('=');
                if (t.substring(0, eq).equals(task) && (status == null || t.substring(eq + 1).equals(status))) {
                    return true;
                }
            }
            return false;
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        String line() {
            StringBuilder w = new StringBuilder();
            for (Map.Entry<String, String> e : written.entrySet()) {
                if (!w.isEmpty()) {
                    w.append(',');
                }
                w.append(encode(e.getValue())).append(':').append(encode(e.getKey()));
            }
            StringBuilder t = new StringBuilder();
            for (String task : tasks) {
                int eq = task.lastIndexOf('=');
                if (!t.isEmpty()) {
                    t.append(',');
                }
                t.append(encode(task.substring(0, eq))).append('=').append(encode(task.substring(eq + 1)));
            }
            return id + '\t' + state + '\t' + (dryRun ? 'd' : 'a') + '\t' + t + '\t' + w + '\n';
        }

        /** The entry a line holds, or null when it is not one (torn or altered). */
        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 5 || !ReportStore.isReportId(f[0]) || f[1].isEmpty() || !(f[2].equals("d") || f[2].equals("a"))) {
                return null;
            }
            List<String> tasks = new ArrayList<>();
            Map<String, String> written = new LinkedHashMap<>();
            try {
                for (String t : f[3].isEmpty() ? new String[0] : f[3].split(",")) {
                    int eq = t.indexOf('=');
                    if (eq <= 0) {
                        return null;
                    }
                    tasks.add(decode(t.substring(0, eq)) + "=" + decode(t.substring(eq + 1)));
                }
                for (String w : f[4].isEmpty() ? new String[0] : f[4].split(",")) {
                    int colon = w.indexOf(':');
                    if (colon <= 0) {
                        return null;
                    }
                    written.put(decode(w.substring(colon + 1)), decode(w.substring(0, colon)));
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            return new Entry(f[0], f[1], f[2].equals("d"), tasks, written);
        }
    }

    /** Changes the reports directory (writes or removes files) and says which entries that made. */
    @FunctionalInterface
    public interface Change {
        List<Entry> apply() throws IOException;
    }

    /** {@code checkedAt}: when the directory was last listed to check the index (epoch ms). */
    private record State(long seq, String dirStamp, Set<String> open, boolean sweepDue, long checkedAt) {
    }

    /**
     * The directory time a state records while its writer changes the directory: matches no real time,
     * so a writer that dies mid-change (even within the tick of the file system's clock the state was
     * written in, which leaves the directory's time as it was) sends the next reader to catch up.
     */
    private static final String CHANGING = "changing";

    /** One day file as parsed: the last entry of each id, and the listed ones newest first. */
    private record Day(Object fileKey, long size, long modified, Map<String, Entry> latest, List<Entry> newestFirst) {
    }

    private final Path reportsDir;
    private final Path dir;
    private final AtomicFileWriter writer = AtomicFileWriter.DEFAULT.withoutFsync();
    private final ReentrantLock jvmLock = new ReentrantLock();
    private volatile Duration lockWait = LOCK_WAIT;
    private volatile Duration checkEvery = CHECK_EVERY;
    /**
     * When listings happened, and the seed of the state's sequence: written into the index on disk and
     * compared by every process that shares the directory, so it is the system clock (the file system's
     * time base), not one runner's (the index is shared by all the runners on a directory in a JVM, and a
     * test's runner clock may stand still). Tests set their own.
     */
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();
    private final Map<String, Day> days = new ConcurrentHashMap<>();

    private ReportIndex(Path reportsDir) {
        this.reportsDir = reportsDir;
        this.dir = reportsDir.resolve(DIR);
    }

    /** The index of {@code reportsDir}, one per directory in this JVM (so its lock and caches are shared). */
    public static ReportIndex of(Path reportsDir) {
        return SHARED.computeIfAbsent(reportsDir.toAbsolutePath().normalize(), ReportIndex::new);
    }

    /**
     * Sets how long this directory's index waits for its lock ({@link #LOCK_WAIT} unless set); one
     * setting per reports directory in a JVM, the last runner built on it setting it.
     */
    public void lockWait(Duration wait) {
        this.lockWait = wait;
    }

    /** Sets the clock listings are timed on (the system clock unless set). */
    void clock(java.time.Clock value) {
        this.clock = value;
    }

    /** Sets how often a reader lists the directory to check the index ({@link #CHECK_EVERY} unless set). */
    void checkEvery(Duration interval) {
        this.checkEvery = interval;
    }

    // ---------------------------------------------------------------- writers

    /**
     * Applies {@code change} under the index lock and appends the entries it returns. The change's own
     * failure is thrown; the index's never is (it is logged, and the next reader catches up).
     */
    public void record(Change change) throws IOException {
        boolean locked;
        try {
            locked = lock();
        } catch (IOException e) {
            LOG.debug("report index lock in {} unavailable: {}", dir, e.toString());
            locked = false;
        }
        if (!locked) {
            change.apply(); // the report matters more than the index; readers will catch up
            return;
        }
        try {
            State before;
            String stampBefore;
            try {
                before = readStateQuietly();
                stampBefore = dirStamp();
                if (before != null) {
                    writeState(new State(before.seq(), CHANGING, before.open(), before.sweepDue(), before.checkedAt()));
                }
            } catch (IOException | RuntimeException e) {
                before = null; // an unusable index never stops a report from being written
                stampBefore = null;
            }
            List<Entry> entries = change.apply(); // if it throws, the state says CHANGING: readers catch up
            if (before == null) {
                return; // no index yet: the next reader builds it from the files
            }
            try {
                boolean durable = entries.stream().anyMatch(e -> !e.dryRun() && !e.open() && !e.state().equals(DELETED));
                append(entries, durable);
                boolean matched = stampBefore != null && stampBefore.equals(before.dirStamp());
                writeState(new State(before.seq() + 1, matched ? dirStamp() : before.dirStamp(),
                        openAfter(before.open(), entries), before.sweepDue(), before.checkedAt()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("the report index in {} could not be updated ({}); it will be rebuilt", dir, CauseFormatter.describe(e));
                invalidate();
            }
        } finally {
            unlock();
        }
    }

    /**
     * Removes the temp files a writer killed while replacing an index file left in the index's own
     * directory. Index files change only under the index lock, so with it held every temp file there
     * is a dead writer's, whatever its age; and a write there leaves the reports directory's time alone,
     * so no reader's listing would notice one. A few names a day of history: cheap on every apply.
     */
    public List<Path> sweepOwnTempFiles() throws IOException {
        if (!OwnFiles.isRealDirectory(dir) || !lock()) {
            return List.of(); // no index yet, or busy: the next apply sweeps
        }
        try {
            return com.twsrobot.maintenance.core.io.TempFileSweeper.sweep(List.of(dir));
        } finally {
            unlock();
        }
    }

    /** Records that the temp-file sweep it asked for was done ({@code due}: whether some are left). */
    public void sweepDone(boolean due) {
        try {
            if (lock()) {
                try {
                    State s = readStateQuietly();
                    if (s != null && s.sweepDue() != due) {
                        writeState(new State(s.seq() + 1, s.dirStamp(), s.open(), due, s.checkedAt()));
                    }
                } finally {
                    unlock();
                }
            }
        } catch (IOException e) {
            LOG.debug("could not record the sweep in {}: {}", dir, e.toString());
        }
    }

    // ---------------------------------------------------------------- readers

    /**
     * Brings the index up to date with the directory (catching up or rebuilding when it does not match)
     * and returns the history's generation: it changes whenever a report is added, changes or goes.
     * 0 when there is no reports directory.
     *
     * @throws IOException when the index cannot be used (callers then scan the files)
     */
    public long sync() throws IOException {
        return current().seq();
    }

    /** The ids of reports reserved or {@code in_progress}, oldest first. */
    public List<String> openIds() throws IOException {
        return new ArrayList<>(new TreeSet<>(current().open()));
    }

    /** Whether a catch-up saw temp files a crashed writer may have left in the reports directory. */
    public boolean sweepDue() throws IOException {
        return current().sweepDue();
    }

    /** The listed entries that {@code filter} accepts, newest first, read lazily day by day. */
    public Iterator<Entry> newestFirst(Predicate<Entry> filter) throws IOException {
        List<String> dayNames = dayNamesAt(current().seq());
        Collections.reverse(dayNames);
        return new Iterator<>() {
            private int nextDay;
            private Iterator<Entry> inDay = Collections.emptyIterator();
            private Entry next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (inDay.hasNext()) {
                        Entry e = inDay.next();
                        if (filter.test(e)) {
                            next = e;
                        }
                    } else if (nextDay < dayNames.size()) {
                        inDay = dayOrEmpty(dayNames.get(nextDay++)).newestFirst().iterator();
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Entry e = next;
                next = null;
                return e;
            }
        };
    }

    /** The listed and reserved entries whose ids sort before {@code cutoffId}, oldest day first. */
    public List<Entry> olderThan(String cutoffId) throws IOException {
        current();
        long cutoff = sortKey(cutoffId);
        String cutoffDay = day(cutoffId);
        List<Entry> out = new ArrayList<>();
        for (String name : dayNames()) {
            if (name.substring(0, 8).compareTo(cutoffDay) > 0) {
                break;
            }
            for (Entry e : dayFile(name).latest().values()) {
                if (!e.state().equals(DELETED) && sortKey(e.id()) < cutoff) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * The ids of the listed reports whose entry says they wrote {@code sha256} to a file named
     * {@code fileName} (its name without the folder), newest first. A status asks this for every index
     * file on every call, and when no report wrote the version on disk (files the host put there, or
     * edited by hand) the answer is empty: kept per history generation, so between changes this is one
     * look-up whatever the history's size, and after a change only the day files that changed are read.
     * What is kept grows with the files the history's runs wrote (an entry per file an apply wrote),
     * not with its reports.
     */
    public List<String> wrote(String fileName, String sha256) throws IOException {
        long seq = current().seq();
        Writers w = writers;
        if (w == null || w.seq() != seq) {
            w = writers(seq);
        }
        return w.byVersion().getOrDefault(fileName + "@" + sha256, List.of());
    }

    /** One day file's entries that wrote files (newest first), as of the file's identity, size and time. */
    private record DayWriters(String version, List<Entry> entries) {
    }

    /** Who wrote what, as of the history's generation {@code seq}: by {@code fileName@sha256}, ids newest first. */
    private record Writers(long seq, Map<String, DayWriters> days, Map<String, List<String>> byVersion) {
    }

    private volatile Writers writers;
    private final Object writersLock = new Object();

    private Writers writers(long seq) throws IOException {
        synchronized (writersLock) {
            Writers before = writers;
            if (before != null && before.seq() == seq) {
                return before; // another thread brought it up to date meanwhile
            }
            Map<String, DayWriters> known = before == null ? Map.of() : before.days();
            List<String> names = dayNamesAt(seq);
            Collections.reverse(names); // newest day first
            Map<String, DayWriters> days = new LinkedHashMap<>();
            boolean changed = before == null || known.size() != names.size();
            for (String name : names) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    changed = true;
                    continue;
                }
                // Taken before the read: a line appended meanwhile changes it, and the day is read again next time.
                String version = a.fileKey() + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                DayWriters old = known.get(name);
                DayWriters d = old;
                if (old == null || !old.version().equals(version)) {
                    d = new DayWriters(version, writersOf(name));
                    changed |= old == null || !old.entries().equals(d.entries());
                }
                days.put(name, d);
            }
            Map<String, List<String>> byVersion = changed ? byVersion(days.values()) : before.byVersion();
            Writers now = new Writers(seq, days, byVersion);
            writers = now;
            return now;
        }
    }

    /**
     * The listed entries of one day file that wrote files, newest first. A short-lived process (the CLI's
     * {@code status}) asks once for the whole history, so the day is scanned, not parsed: a line whose
     * last field (the files written) is empty ends with a tab and is only looked at for its id (a later
     * line of an id wins); only the lines of reports that wrote files, a few per apply, are parsed. A line
     * that is not an entry of that day sends the day through the parsed read, which rebuilds a torn one.
     */
    private List<Entry> writersOf(String name) throws IOException {
        byte[] bytes;
        try {
            bytes = OwnFiles.read(dir.resolve(name), MAX_DAY_BYTES, "report index day file");
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException e) {
            return parsedWriters(name); // too large or not a file: as the listings treat it
        }
        String prefix = "maintenance_" + name.substring(0, 8) + "_";
        Map<String, Entry> latest = new HashMap<>();
        int at = 0;
        while (at < bytes.length) {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                break; // a line being appended (or torn): left for the next read, as readDay does
            }
            if (end > at && bytes[end - 1] == '\t') { // wrote nothing
                if (!latest.isEmpty()) {
                    int tab = at;
                    while (tab < end && bytes[tab] != '\t') {
                        tab++;
                    }
                    latest.remove(new String(bytes, at, tab - at, StandardCharsets.UTF_8));
                }
            } else {
                Entry e = Entry.parse(new String(bytes, at, end - at, StandardCharsets.UTF_8));
                if (e == null || !e.id().startsWith(prefix)) {
                    return parsedWriters(name);
                }
                latest.put(e.id(), e);
            }
            at = end + 1;
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : latest.values()) {
            if (e.listed() && !e.written().isEmpty()) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingLong((Entry e) -> sortKey(e.id())).reversed());
        return List.copyOf(out);
    }

    /** {@link #writersOf} from the parsed day (rebuilt first when torn or altered). */
    private List<Entry> parsedWriters(String name) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : dayOrEmpty(name).newestFirst()) {
            if (!e.written().isEmpty()) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, List<String>> byVersion(Iterable<DayWriters> newestDayFirst) {
        Map<String, List<String>> out = new HashMap<>();
        for (DayWriters d : newestDayFirst) {
            for (Entry e : d.entries()) {
                for (Map.Entry<String, String> w : e.written().entrySet()) {
                    Path name;
                    try {
                        name = Path.of(w.getKey()).getFileName();
                    } catch (java.nio.file.InvalidPathException e2) {
                        continue; // no file of this host's can have that name
                    }
                    if (name != null) {
                        List<String> ids = out.computeIfAbsent(name + "@" + w.getValue(), k -> new ArrayList<>());
                        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(e.id())) { // two paths, one name: once
                            ids.add(e.id());
                        }
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- keeping up with the directory

    private State current() throws IOException {
        String stamp = dirStamp();
        if (stamp == null) {
            return new State(0, "", Set.of(), false, 0);
        }
        State s = readStateQuietly();
        if (s != null && s.dirStamp().equals(stamp) && checkedRecently(s)) {
            return s;
        }
        OwnFiles.refuseLink(dir.resolve("state")); // refused at once, not after a rebuild that could not write it
        if (!lock()) {
            throw new IOException("the report index lock in " + dir + " was not free within " + lockWait.toMillis() + " ms");
        }
        try {
            s = readStateQuietly();
            stamp = dirStamp();
            if (s != null && s.dirStamp().equals(stamp) && checkedRecently(s)) {
                return s; // another process caught up meanwhile
            }
            return s == null ? rebuild() : catchUp(s);
        } finally {
            unlock();
        }
    }

    /**
     * Whether the directory was listed within {@link #checkEvery}. A report written without the index
     * at the very moment an indexing writer changes the directory is covered by that writer's new
     * directory time; this bounds how long such a report can go unseen (one listing per interval).
     */
    private boolean checkedRecently(State s) {
        long now = clock.millis();
        return now >= s.checkedAt() && now - s.checkedAt() < checkEvery.toMillis();
    }

    /** The index from the files alone: every report read once. */
    private State rebuild() throws IOException {
        // A link where an index file belongs is refused before any report is read (it would be refused at the write).
        OwnFiles.refuseLink(dir.resolve("state"));
        for (String name : dayNames()) {
            OwnFiles.refuseLink(dir.resolve(name));
        }
        LOG.info("building the report index in {} from the reports", dir);
        long listedAt = clock.millis();
        String stamp = dirStamp();
        Listing listing = listing();
        Set<String> open = new TreeSet<>();
        for (String name : dayNames()) {
            if (!listing.byDay().containsKey(name.substring(0, 8))) {
                Files.deleteIfExists(dir.resolve(name));
                days.remove(name);
            }
        }
        for (Map.Entry<String, List<String>> day : listing.byDay().entrySet()) {
            StringBuilder text = new StringBuilder();
            for (String id : day.getValue()) {
                Entry e = fromFile(id);
                text.append(e.line());
                if (e.open()) {
                    open.add(id);
                }
            }
            writer.write(dir.resolve(day.getKey() + ".tsv"), text.toString().getBytes(StandardCharsets.UTF_8));
            days.remove(day.getKey() + ".tsv");
        }
        State s = new State(clock.millis() * 1000, stamp, open, listing.tempFiles(), listedAt);
        writeState(s);
        return s;
    }

    /** The index after a change it did not see: one listing; only the reports it does not know are read. */
    private State catchUp(State s) throws IOException {
        long listedAt = clock.millis();
        String stamp = dirStamp();
        Listing listing = listing();
        Set<String> open = new TreeSet<>(s.open());
        List<Entry> changes = new ArrayList<>();
        Set<String> dayKeys = new TreeSet<>(listing.byDay().keySet());
        for (String name : dayNames()) {
            dayKeys.add(name.substring(0, 8));
        }
        for (String key : dayKeys) {
            List<String> present = listing.byDay().getOrDefault(key, List.of());
            Day known = readDay(key + ".tsv");
            if (known == null) { // torn or altered: this day is rebuilt from its files
                StringBuilder text = new StringBuilder();
                for (String id : present) {
                    Entry e = fromFile(id);
                    text.append(e.line());
                    if (e.open()) {
                        open.add(id);
                    }
                }
                writer.write(dir.resolve(key + ".tsv"), text.toString().getBytes(StandardCharsets.UTF_8));
                days.remove(key + ".tsv");
                continue;
            }
            Set<String> here = new java.util.HashSet<>(present);
            for (String id : present) {
                Entry e = known.latest().get(id);
                if (e == null || e.state().equals(DELETED)) {
                    changes.add(fromFile(id));
                }
            }
            for (Entry e : known.latest().values()) {
                if (!e.state().equals(DELETED) && !here.contains(e.id())) {
                    changes.add(Entry.marker(e.id(), DELETED));
                }
            }
        }
        Set<String> all = new java.util.HashSet<>();
        listing.byDay().values().forEach(all::addAll);
        for (String id : List.copyOf(open)) { // a run may have finished without its line (it died just after)
            if (!all.contains(id)) {
                continue; // openAfter drops it with the deleted entry added above
            }
            Entry e = fromFile(id);
            if (!e.open()) {
                changes.add(e);
            }
        }
        append(changes, false);
        State next = new State(s.seq() + 1, stamp, openAfter(open, changes), s.sweepDue() || listing.tempFiles(),
                listedAt);
        writeState(next);
        return next;
    }

    private record Listing(Map<String, List<String>> byDay, boolean tempFiles) {
    }

    /** The report ids in the directory by day (names only: nothing is read or sorted beyond the day). */
    private Listing listing() throws IOException {
        Map<String, List<String>> byDay = new TreeMap<>();
        boolean temp = false;
        try (Stream<Path> files = Files.list(reportsDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && name.indexOf('.') == name.length() - 5
                        && ReportStore.isReportId(name.substring(0, name.length() - 5))) {
                    String id = name.substring(0, name.length() - 5);
                    byDay.computeIfAbsent(day(id), k -> new ArrayList<>()).add(id);
                } else if (AtomicFileWriter.TEMP_NAME.matcher(name).matches()) {
                    temp = true;
                }
            }
        }
        return new Listing(byDay, temp);
    }

    /** What a report file says, for the index. */
    private Entry fromFile(String id) {
        Path file = reportsDir.resolve(id + ".json");
        try {
            byte[] bytes = OwnFiles.read(file, ReportStore.MAX_REPORT_BYTES, "report");
            if (bytes.length == 0) {
                return Entry.marker(id, RESERVED);
            }
            return Entry.of(ReportJson.read(new String(bytes, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Entry.marker(id, DELETED);
        } catch (IOException | RuntimeException e) {
            return Entry.marker(id, UNREADABLE); // kept by retention, skipped by listings
        }
    }

    private static Set<String> openAfter(Set<String> before, List<Entry> entries) {
        Set<String> open = new TreeSet<>(before);
        for (Entry e : entries) {
            if (e.open()) {
                open.add(e.id());
            } else {
                open.remove(e.id());
            }
        }
        return open;
    }

    // ---------------------------------------------------------------- files

    private void append(List<Entry> entries, boolean durable) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        OwnFiles.directory(reportsDir, DIR);
        Map<String, StringBuilder> byDay = new TreeMap<>();
        for (Entry e : entries) {
            byDay.computeIfAbsent(day(e.id()), k -> new StringBuilder()).append(e.line());
        }
        for (Map.Entry<String, StringBuilder> d : byDay.entrySet()) {
            Path file = dir.resolve(d.getKey() + ".tsv");
            // One write per day file, in append mode, never through a link: concurrent appends do not interleave.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer bytes = ByteBuffer.wrap(d.getValue().toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (durable) {
                    channel.force(false);
                }
            } catch (java.nio.file.FileSystemException e) {
                OwnFiles.refuseLink(file);
                throw e;
            }
        }
    }

    private Day dayOrEmpty(String name) {
        try {
            return dayFile(name);
        } catch (IOException e) {
            LOG.warn("report index day {} unusable: {}", name, CauseFormatter.describe(e));
            return new Day(null, 0, 0, Map.of(), List.of());
        }
    }

    /** A day file parsed (cached while its file is unchanged); a torn or altered one is rebuilt first. */
    private Day dayFile(String name) throws IOException {
        Day d;
        try {
            d = readDay(name);
        } catch (IOException e) {
            d = null; // too large or not a file: rebuilt like a torn one (a link there is refused, never followed)
        }
        if (d != null) {
            return d;
        }
        invalidate(); // the next current() rebuilds from the files
        current();
        d = readDay(name);
        if (d == null) {
            throw new IOException("report index file " + dir.resolve(name) + " stays unreadable");
        }
        return d;
    }

    /**
     * The day file parsed, or null when a line is not an entry of that day; empty when there is no file.
     * What was appended since the last parse is all that is read (after a new report, one line). A last
     * line without its line break is one being appended right now (or torn): it is left for the next
     * parse; if nothing completes it, the next append makes it an altered line and the day is rebuilt.
     */
    private Day readDay(String name) throws IOException {
        Path file = dir.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Day(null, 0, 0, Map.of(), List.of());
        }
        Day cached = days.get(name);
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        boolean sameFile = cached != null && attributes.fileKey() != null && attributes.fileKey().equals(cached.fileKey());
        if (sameFile && cached.modified() == modified && cached.size() == attributes.size()) {
            return cached;
        }
        if (attributes.size() > MAX_DAY_BYTES) {
            throw new IOException("refusing to read " + file.toAbsolutePath() + ": it is " + attributes.size()
                    + " bytes, larger than the " + MAX_DAY_BYTES + "-byte cap for a report index day file");
        }
        boolean append = sameFile && attributes.size() >= cached.size();
        long from = append ? cached.size() : 0;
        byte[] bytes;
        if (from == 0) {
            bytes = OwnFiles.read(file, MAX_DAY_BYTES, "report index day file");
        } else {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer tail = ByteBuffer.allocate((int) (attributes.size() - from));
                channel.position(from);
                while (tail.hasRemaining() && channel.read(tail) > 0) {
                    // reads what was appended since the last parse
                }
                bytes = java.util.Arrays.copyOf(tail.array(), tail.position());
            }
        }
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        Map<String, Entry> latest = append ? new HashMap<>(cached.latest()) : new HashMap<>();
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        String prefix = "maintenance_" + name.substring(0, 8) + "_";
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            Entry e = Entry.parse(text.substring(at, end));
            if (e == null || !e.id().startsWith(prefix)) {
                return null;
            }
            latest.put(e.id(), e);
            at = end + 1;
        }
        List<Entry> listed = new ArrayList<>();
        for (Entry e : latest.values()) {
            if (e.listed()) {
                listed.add(e);
            }
        }
        listed.sort(Comparator.comparingLong((Entry e) -> sortKey(e.id())).reversed());
        // Cached as of the last complete line, so a line being appended is read whole next time.
        long consumed = from + complete;
        Day d = new Day(attributes.fileKey(), consumed, consumed == attributes.size() ? modified : -1, latest,
                List.copyOf(listed));
        days.put(name, d);
        trimCache();
        return d;
    }

    /** Days kept parsed in memory: the newest, which listings read; older ones are read again when needed. */
    static final int DAYS_CACHED = 7;

    /** Keeps the {@value #DAYS_CACHED} newest parsed days, so memory does not grow with the history. */
    private void trimCache() {
        if (days.size() > DAYS_CACHED) {
            List<String> names = new ArrayList<>(days.keySet());
            Collections.sort(names);
            names.subList(names.size() - DAYS_CACHED, names.size()).clear();
            names.forEach(days::remove);
        }
    }

    /** The day files' names as of the history's generation {@code seq}. */
    private record DayNames(long seq, List<String> names) {
    }

    private volatile DayNames dayNamesCache;

    /**
     * {@link #dayNames()}, listed once per history generation: a day file is only added or removed by a
     * writer, a catch-up or a rebuild, each of which moves the generation on (a listing asks on every call,
     * and the folder holds a file per day of the history). A copy, oldest first.
     */
    private List<String> dayNamesAt(long seq) throws IOException {
        DayNames cached = dayNamesCache;
        if (cached == null || cached.seq() != seq || seq == 0) {
            cached = new DayNames(seq, List.copyOf(dayNames()));
            dayNamesCache = cached;
        }
        return new ArrayList<>(cached.names());
    }

    private List<String> dayNames() throws IOException {
        List<String> names = new ArrayList<>();
        if (!OwnFiles.isRealDirectory(dir)) {
            if (Files.isSymbolicLink(dir)) {
                throw OwnFiles.linkRefused(dir);
            }
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> DAY_FILE.matcher(n).matches()).forEach(names::add);
        }
        Collections.sort(names);
        return names;
    }

    /** The state, or null when it is missing or not one (then the index is rebuilt). */
    private State readStateQuietly() throws IOException {
        Path file = dir.resolve("state");
        if (Files.isSymbolicLink(dir)) {
            throw OwnFiles.linkRefused(dir);
        }
        String version;
        boolean settled;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            version = a.fileKey() + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            settled = clock.millis() - a.lastModifiedTime().toMillis() > STATE_SETTLED.toMillis();
        } catch (IOException e) {
            return null; // missing: rebuilt
        }
        ParsedState cached = parsedState;
        if (cached != null && settled && cached.version().equals(version)) {
            // The state file is replaced by a rename, never edited in place. A young one is read again:
            // states written within one tick of the file system's clock can share a time, and a size and
            // a freed inode number too, so only a state older than that is known by its attributes.
            return cached.state();
        }
        String text;
        try {
            text = OwnFiles.readString(file, MAX_STATE_BYTES, "report index state");
        } catch (IOException e) {
            return null; // missing, too large or not a file: rebuilt; a link there is refused by the rebuild's writes
        }
        State parsed = parseState(text);
        if (parsed != null) {
            parsedState = new ParsedState(version, parsed);
        }
        return parsed;
    }

    /** How old a state file must be before its attributes alone identify it (far above any clock tick). */
    private static final Duration STATE_SETTLED = Duration.ofSeconds(2);

    /** The state as read last, by the state file's identity, size and time (a console asks on every request). */
    private record ParsedState(String version, State state) {
    }

    private volatile ParsedState parsedState;

    private static State parseState(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 5 || !lines[0].equals(STATE_HEADER) || !lines[1].startsWith("seq ")
                || !lines[2].startsWith("dir ") || !lines[3].startsWith("sweep ") || !lines[4].startsWith("checked ")) {
            return null;
        }
        Set<String> open = new TreeSet<>();
        for (int i = 5; i < lines.length; i++) {
            if (!lines[i].startsWith("open ") || !ReportStore.isReportId(lines[i].substring(5))) {
                return null;
            }
            open.add(lines[i].substring(5));
        }
        try {
            return new State(Long.parseLong(lines[1].substring(4)), lines[2].substring(4),
                    open, Boolean.parseBoolean(lines[3].substring(6)), Long.parseLong(lines[4].substring(8)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void writeState(State s) throws IOException {
        OwnFiles.directory(reportsDir, DIR);
        StringBuilder text = new StringBuilder(STATE_HEADER).append('\n')
                .append("seq ").append(s.seq()).append('\n')
                .append("dir ").append(s.dirStamp()).append('\n')
                .append("sweep ").append(s.sweepDue()).append('\n')
                .append("checked ").append(s.checkedAt()).append('\n');
        for (String id : s.open()) {
            text.append("open ").append(id).append('\n');
        }
        writer.write(dir.resolve("state"), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void invalidate() {
        try {
            Files.deleteIfExists(dir.resolve("state"));
        } catch (IOException e) {
            LOG.warn("could not reset the report index in {}: {}", dir, CauseFormatter.describe(e));
        }
    }

    /** The reports directory's modification time and identity, or null when there is none. */
    private String dirStamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(reportsDir, BasicFileAttributes.class);
            return a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the lock

    private FileChannel lockChannel;
    private FileLock fileLock;

    /** Takes the in-JVM and the file lock within the lock wait; false when that time passed. */
    private boolean lock() throws IOException {
        Duration wait = lockWait;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!jvmLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (jvmLock.getHoldCount() > 1) {
            return true; // re-entered (a rebuild from within a catch-up)
        }
        try {
            OwnFiles.directory(reportsDir, DIR);
            Path file = dir.resolve("lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            while (true) {
                FileLock l;
                try {
                    l = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException heldHere) {
                    l = null; // another index of the same directory in this JVM (reached by another path) holds it
                }
                if (l != null) {
                    lockChannel = channel;
                    fileLock = l;
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    jvmLock.unlock();
                    return false;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jvmLock.unlock();
            return false;
        } catch (IOException | RuntimeException e) {
            jvmLock.unlock();
            if (e instanceof java.nio.file.FileSystemException) {
                OwnFiles.refuseLink(dir.resolve("lock"));
            }
            throw e;
        }
    }

    private void unlock() {
        if (jvmLock.getHoldCount() == 1) {
            try {
                fileLock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.debug("releasing the report index lock: {}", e.toString());
            }
            fileLock = null;
            lockChannel = null;
        }
        jvmLock.unlock();
    }

    // ---------------------------------------------------------------- ids

    /** The day in a report id ({@code YYYYMMDD}). */
    static String day(String id) {
        return id.substring("maintenance_".length(), "maintenance_YYYYMMDD".length());
    }

    /** Orders ids by time, {@code _2} after the bare id and {@code _10} after {@code _9}; computed once per id. */
    static long sortKey(String id) {
        int stampEnd = "maintenance_YYYYMMDD_HHMMSS".length();
        long stamp = Long.parseLong(id.substring(12, 20)) * 1_000_000 + Long.parseLong(id.substring(21, stampEnd));
        int suffix = id.length() > stampEnd ? Integer.parseInt(id.substring(stampEnd + 1)) : 1;
        return stamp * 10_000 + suffix;
    }

    /** The files a report says its run wrote, with the SHA-256 it wrote to each (what retention keeps it for). */
    static Map<String, String> writtenVersions(RunReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<RunDetail.Replacement> list : java.util.Arrays.asList(report.detail().replacements(),
                report.detail().pendingReplacements())) {
            for (RunDetail.Replacement entry : list == null ? List.<RunDetail.Replacement>of() : list) {
                if (entry.file() != null && entry.newSha256() != null) {
                    out.put(entry.file(), entry.newSha256());
                }
            }
        }
        for (TaskResult result : report.results()) {
            Map<String, Object> d = TaskDetails.toMap(result.detail());
            if (Boolean.TRUE.equals(d.get("written")) && d.get("sha256") instanceof String sha) {
                for (String key : List.of("file", "written_through_link")) {
                    if (d.get(key) instanceof String f) {
                        out.putIfAbsent(f, sha);
                    }
                }
            }
        }
        return out;
    }
}
