package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.sources.events.JdbcMarketEventsService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * (4) Upsert 10 000 events into the embedded SQLite store: into a fresh store, and again as all updates
 * (JMH). {@link #main} is the event store at scale (issue 24): a refresh of 100 symbols by the three
 * built-in providers against a loopback fake of their sources, with 0, 10,000, 100,000 and 1,000,000
 * rows already in the store (generated here, in one transaction per 50,000 rows); see
 * docs/benchmarks.md, "Event store at scale".
 *
 * <p>Usage: {@code java [-Xmx64m] -cp benchmarks.jar com.twsrobot.maintenance.benchmarks.EventStoreBenchmark
 * [SIZES [ITERATIONS [DIR]]]}, e.g. {@code 0,10000,100000,1000000 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EventStoreBenchmark {

    static final int EVENTS = 10_000;
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    /** Answers 10 000 earnings events; {@code version} changes every title so a second refresh updates all. */
    static final class TenThousand implements EventProvider {
        int version;

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public Set<EventType> eventTypes() {
            return Set.of(EventType.EARNINGS);
        }

        @Override
        public ProviderFetch fetch(EventsRequest request) {
            List<MarketEvent> events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                LocalDate day = TODAY.plusDays(i % 90);
                String symbol = "S" + i;
                events.add(new MarketEvent("EARNINGS:" + symbol + ":" + day, EventType.EARNINGS, symbol,
                        symbol + " earnings v" + version, "", day, "", null, null, "America/New_York", "bench", "", "",
                        Map.of("i", i), "{\"v\":" + version + "}", true, "estimated", 3));
            }
            return ProviderFetch.of(events);
        }
    }

    private Path dir;
    private TenThousand provider;
    private JdbcMarketEventsService service;
    private final EventsRequest request = new EventsRequest(List.of(), TODAY, TODAY.plusDays(90),
            Instant.parse("2026-11-24T12:00:00Z"), Map.of(), false);

    @Setup(Level.Invocation)
    public void freshStore() throws Exception {
        dir = Files.createTempDirectory("bench-events");
        provider = new TenThousand();
        service = new JdbcMarketEventsService("jdbc:sqlite:" + dir.resolve("events.db"), Clock.systemUTC(),
                List.of(provider));
    }

    @TearDown(Level.Invocation)
    public void removeStore() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public SyncSummary upsertFresh() {
        return check(service.refresh(request), EVENTS, 0);
    }

    @Benchmark
    public SyncSummary upsertAgainAllUpdates() {
        check(service.refresh(request), EVENTS, 0);
        provider.version = 1;
        long start = System.nanoTime();
        SyncSummary again = check(service.refresh(request), 0, EVENTS);
        // Report only the second refresh: JMH times the whole method, so print the part that matters too.
        System.out.printf("%n[again only: %.1f ms]%n", (System.nanoTime() - start) / 1e6);
        return again;
    }

    // ---- The event store at scale (a plain main: one store grown size after size, not a JMH fork per size) ----

    private static final LocalDate SCALE_TODAY = LocalDate.parse("2026-11-23");
    private static final Instant SCALE_NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final int SYMBOLS = 100;
    /** Date slots: event_date = three years back + slot x 2 min; a permutation spreads every size over them. */
    private static final long SLOTS = 1_100_000;
    private static final long STRIDE = 7919; // prime, coprime with SLOTS: k -> k * STRIDE mod SLOTS is one-to-one

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String n : (args.length > 0 ? args[0] : "0,10000,100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(n.strip()));
        }
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : Files.createTempDirectory("bench-scale");
        Path db = dir.resolve("market_events.db");
        Files.deleteIfExists(db);
        String url = "jdbc:sqlite:" + db;
        com.twsrobot.maintenance.testkit.FixtureServer fake = com.twsrobot.maintenance.testkit.FixtureServer.start();
        try {
            serveProviders(fake);
            List<String> symbols = new ArrayList<>();
            for (int i = 0; i < SYMBOLS; i++) {
                symbols.add("S" + i);
            }
            EventsRequest request = new EventsRequest(symbols, SCALE_TODAY, SCALE_TODAY.plusDays(90), SCALE_NOW,
                    Map.of("fomc", fake.url("/fomc"), "yahoo", fake.url(""), "yahoo-cookie", fake.url("/cookie")), false);
            Clock clock = Clock.fixed(SCALE_NOW, java.time.ZoneOffset.UTC);
            JdbcMarketEventsService service = JdbcMarketEventsService.open(url, clock);
            // The first apply creates the host's tables and the refresh index; then the store starts empty.
            service.refresh(request);
            undoRefreshes(url);
            System.out.printf("# event store at scale: %s, %d symbols, providers %s, max heap %d MiB, %d cores%n", db,
                    SYMBOLS, service.providers().stream().map(EventProvider::name).toList(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            System.out.println("| rows in the store | generated in | refresh (writes ~210 new rows), median ms | "
                    + "refresh again (all unchanged), median ms | peak heap during a refresh | vs 0 rows |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
            long rows = 0;
            double base = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                rows = fill(url, rows, size);
                double generated = (System.nanoTime() - start) / 1e9;
                List<Double> first = new ArrayList<>();
                List<Double> again = new ArrayList<>();
                long peak = 0;
                for (int i = 0; i <= iterations; i++) { // the first round warms up and is not counted
                    long[] p = new long[1];
                    double t1 = timed(() -> checkScale(service.refresh(request), true), p);
                    double t2 = timed(() -> checkScale(service.refresh(request), false), p);
                    undoRefreshes(url);
                    if (i > 0) {
                        first.add(t1);
                        again.add(t2);
                        peak = Math.max(peak, p[0]);
                    }
                }
                double median = median(first);
                if (size == sizes.get(0)) {
                    base = median;
                }
                System.out.printf("| %,d | %.1f s | %.0f | %.0f | %.1f MiB | %.2fx |%n", rows, generated, median,
                        median(again), peak / 1048576.0, median / base);
            }
        } finally {
            fake.close();
        }
    }

    /** The providers' sources on loopback: Yahoo for S0..S99 (MSFT's answer), the Fed page; the calendar is built in. */
    private static void serveProviders(com.twsrobot.maintenance.testkit.FixtureServer fake) {
        fake.script("/fomc", com.twsrobot.maintenance.testkit.FixtureServer.Response.html(
                com.twsrobot.maintenance.testkit.Fixtures.fedPage("fed_fomc_calendars.html")));
        fake.script("/cookie", com.twsrobot.maintenance.testkit.FixtureServer.Response.status(404)
                .withHeader("Set-Cookie", "A3=d=bench; Path=/"));
        fake.script("/v1/test/getcrumb", com.twsrobot.maintenance.testkit.FixtureServer.Response.of(200, "text/plain",
                "BenchCrumb1"));
        String body = com.twsrobot.maintenance.testkit.Fixtures.yahooAnswer("yahoo_quotesummary_calendarEvents_MSFT.json");
        for (int i = 0; i < SYMBOLS; i++) {
            fake.script("/v10/finance/quoteSummary/S" + i, com.twsrobot.maintenance.testkit.FixtureServer.Response.of(200,
                    "application/json", body));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Milliseconds of {@code work}; {@code peak[0]} keeps the highest heap in use during it (after a GC before). */
    private static double timed(Work work, long[] peak) throws Exception {
        System.gc();
        List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
                .stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.run();
        double ms = (System.nanoTime() - start) / 1e6;
        peak[0] = Math.max(peak[0], heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        return ms;
    }

    private static void checkScale(SyncSummary summary, boolean first) {
        if (!summary.status().equals("success")) {
            throw new IllegalStateException("refresh failed: " + summary);
        }
        int inserted = summary.providers().stream().mapToInt(p -> p.insertedCount()).sum();
        int updated = summary.providers().stream().mapToInt(p -> p.updatedCount()).sum();
        int stale = summary.providers().stream().mapToInt(p -> p.staleCount()).sum();
        if (first ? inserted < 2 * SYMBOLS || updated + stale > 0 : inserted + updated + stale > 0) {
            throw new IllegalStateException((first ? "first" : "second") + " refresh: " + inserted + " inserted, "
                    + updated + " updated, " + stale + " stale: " + summary);
        }
    }

    /** Removes what the measured refreshes wrote (every row they write carries the fixed clock's instant). */
    private static void undoRefreshes(String url) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM market_events WHERE created_at = '2026-11-23 12:00:00.000000'");
            st.executeUpdate("DELETE FROM market_event_sync_logs");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Grows the store from {@code from} to {@code to} rows of a year's history: every source (the built-in
     * three, SEC filings, a macro calendar), 5,000 symbols besides the 100 refreshed, date-times spread over
     * three years back and one ahead, all statuses, payload columns filled. None is in a refresh's stale
     * scope (the refreshed symbols' rows of the refreshing sources are all before the window), so every
     * measured refresh does the same writes and only the store's size differs.
     */
    private static long fill(String url, long from, long to) throws Exception {
        if (to <= from) {
            return from;
        }
        java.time.LocalDateTime origin = SCALE_TODAY.minusYears(3).atStartOfDay();
        java.time.LocalDateTime windowStart = SCALE_TODAY.minusDays(2).atStartOfDay();
        java.time.LocalDateTime windowEnd = SCALE_TODAY.plusDays(93).atStartOfDay();
        java.time.format.DateTimeFormatter host = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        String created = "2026-11-01 10:00:00.000000";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = OFF");
                st.execute("PRAGMA cache_size = -131072"); // 128 MiB of SQLite's own (native) page cache
            }
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO market_events (event_id, event_type, "
                    + "symbol, title, description, event_date, event_time, start_at_utc, end_at_utc, market_timezone, "
                    + "source, source_event_id, source_url, detail_json, raw_payload_json, raw_payload_hash, "
                    + "is_portfolio_relevant, confidence, importance_score, status, last_seen_at, fetched_at, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'America/New_York', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?)")) {
                for (long k = from; k < to; k++) {
                    java.time.LocalDateTime at = origin.plusMinutes(2 * ((k * STRIDE) % SLOTS));
                    boolean nearWindow = !at.isBefore(windowStart) && at.isBefore(windowEnd);
                    String source;
                    String type;
                    String symbol;
                    switch ((int) (k % 10)) {
                        case 0, 1, 2, 3, 4, 5 -> {
                            source = "yfinance";
                            type = k % 2 == 0 ? "EARNINGS" : "DIVIDEND";
                            symbol = !nearWindow && k % 4 == 1 ? "S" + (k % SYMBOLS) : "T" + (k % 5000);
                        }
                        case 6 -> {
                            source = "sec-edgar";
                            type = "SEC_FILING";
                            symbol = k % 3 == 0 ? "S" + (k % SYMBOLS) : "T" + (k % 5000);
                        }
                        case 7 -> {
                            source = "macro-calendar";
                            type = "CPI";
                            symbol = null;
                        }
                        case 8 -> {
                            source = nearWindow ? "macro-calendar" : "federalreserve.gov";
                            type = nearWindow ? "FOMC_MINUTES" : "FOMC";
                            symbol = null;
                        }
                        default -> {
                            source = nearWindow ? "macro-calendar" : "builtin-us-market-calendar";
                            type = nearWindow ? "PMI" : "MARKET_HOLIDAY";
                            symbol = null;
                        }
                    }
                    String sourceEventId = type + ":" + (symbol == null ? "" : symbol + ":") + at.toLocalDate() + ":" + k;
                    String raw = "{\"date\":\"" + at + "\",\"estimate\":" + (k % 997) / 100.0
                            + ",\"fields\":{\"avg\":1.25,\"high\":1.5,\"low\":1.0},\"source\":\"" + source
                            + "\",\"symbol\":\"" + symbol + "\",\"text\":\"historical row " + k + " of the benchmark store\"}";
                    String ts = host.format(at);
                    int p = 1;
                    ps.setString(p++, com.twsrobot.maintenance.api.events.HostEvents.eventId(source, sourceEventId));
                    ps.setString(p++, type);
                    ps.setString(p++, symbol);
                    ps.setString(p++, (symbol == null ? "Market" : symbol) + " " + type + " " + at.toLocalDate());
                    ps.setString(p++, "Generated history row " + k + " for the event store benchmark.");
                    ps.setString(p++, ts);
                    ps.setString(p++, k % 3 == 0 ? "AMC" : "TBD");
                    ps.setString(p++, ts);
                    ps.setString(p++, source);
                    ps.setString(p++, sourceEventId);
                    ps.setString(p++, "https://example.test/" + source + "/" + k);
                    ps.setString(p++, "{\"k\":" + k + "}");
                    ps.setString(p++, raw);
                    ps.setString(p++, com.twsrobot.maintenance.api.Sha256.hex(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    ps.setInt(p++, symbol != null && symbol.startsWith("S") ? 1 : 0);
                    ps.setString(p++, k % 5 == 0 ? "estimated" : "confirmed");
                    ps.setDouble(p++, 25 + k % 75);
                    ps.setString(p++, k % 7 == 0 ? "stale" : k % 3 == 0 ? "updated" : "active");
                    ps.setString(p++, created);
                    ps.setString(p++, created);
                    ps.setString(p++, created);
                    ps.setString(p++, created);
                    ps.addBatch();
                    if ((k + 1) % 5_000 == 0) {
                        ps.executeBatch();
                    }
                    if ((k + 1) % 50_000 == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return to;
    }

    private static SyncSummary check(SyncSummary summary, int inserted, int updated) {
        var p = summary.providers().get(0);
        if (p.insertedCount() != inserted || p.updatedCount() != updated) {
            throw new IllegalStateException("expected " + inserted + " inserted and " + updated + " updated, got " + p);
        }
        return summary;
    }
}
