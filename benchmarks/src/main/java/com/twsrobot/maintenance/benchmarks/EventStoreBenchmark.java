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

/** (4) Upsert 10 000 events into the embedded SQLite store: into a fresh store, and again as all updates. */
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

    private static SyncSummary check(SyncSummary summary, int inserted, int updated) {
        var p = summary.providers().get(0);
        if (p.insertedCount() != inserted || p.updatedCount() != updated) {
            throw new IllegalStateException("expected " + inserted + " inserted and " + updated + " updated, got " + p);
        }
        return summary;
    }
}
