package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.Bounded;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The embedded market-events service: every {@link EventProvider} on the class path, run side by side,
 * each written in its own transaction to a JDBC store, with one sync-log row per provider. A provider
 * that fails changes no rows and makes the sync a partial failure; the others still run.
 */
public final class JdbcMarketEventsService implements MarketEventsService {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMarketEventsService.class);

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final EventStore store;
    private final Clock clock;
    private final List<EventProvider> providers;

    public JdbcMarketEventsService(String jdbcUrl, Clock clock, List<EventProvider> providers) {
        this.store = new EventStore(jdbcUrl);
        this.clock = clock;
        this.providers = providers.stream().sorted(Comparator.comparing(EventProvider::name)).toList();
    }

    /** The service with every provider found by ServiceLoader (a broken one is logged and skipped). */
    public static JdbcMarketEventsService open(String jdbcUrl, Clock clock) {
        return new JdbcMarketEventsService(jdbcUrl, clock, ServiceProviders.load(EventProvider.class,
                JdbcMarketEventsService.class.getClassLoader(), LOG::warn));
    }

    public String jdbcUrl() {
        return store.url();
    }

    public List<EventProvider> providers() {
        return providers;
    }

    @Override
    public SyncSummary refresh(EventsRequest request) {
        return sync(request, false);
    }

    @Override
    public SyncSummary preview(EventsRequest request) {
        return sync(request, true);
    }

    @Override
    public List<ProviderResult> syncLog(int limit) {
        try {
            return store.exists() ? store.syncLog(limit) : List.of();
        } catch (SQLException e) {
            LOG.warn("cannot read the sync log from {}: {}", store.url(), CauseFormatter.describe(e));
            return List.of();
        }
    }

    /**
     * Sync ids sort in the order syncs ran, even under a fixed test clock: the runner's time in
     * milliseconds and a sequence (which orders the syncs of one JVM when that clock stands still), then a
     * random part so two processes never collide.
     */
    private String newSyncId() {
        return String.format("%013d-%06d-%s", clock.millis(), SEQUENCE.incrementAndGet() % 1_000_000,
                UUID.randomUUID().toString().substring(0, 8));
    }

    private SyncSummary sync(EventsRequest request, boolean preview) {
        String syncId = newSyncId();
        if (preview) {
            try {
                if (store.isOldSchema()) {
                    // Nothing to compare with until an apply has moved the rows into the host's tables.
                    return run(request, true, syncId, List.of("the event store " + redacted() + " is in the schema this "
                            + "library used before the host's; the next apply migrates it (after a backup), so this "
                            + "preview lists every event as new"), false);
                }
            } catch (SQLException e) {
                LOG.debug("could not inspect {}: {}", redacted(), e.toString());
            }
            return run(request, true, syncId, List.of(), null);
        }
        try (StoreLock lock = StoreLock.acquire(store, "market-events refresh " + syncId, clock.instant())) {
            List<String> notes = store.prepare(clock.instant());
            notes.forEach(n -> LOG.warn("{}", n));
            return run(request, false, syncId, notes, null);
        } catch (StoreLock.HeldException e) {
            return new SyncSummary(syncId, "failed", false, List.of(), List.of(), e.holder());
        } catch (SQLException e) {
            Instant now = clock.instant();
            List<ProviderResult> failed = providers.stream().map(p -> new ProviderResult(syncId, p.name(), types(p), "failed",
                    0, 0, 0, 0, 0, 1, "event store " + redacted() + " unusable: " + CauseFormatter.describe(e), List.of(), now, now))
                    .toList();
            return new SyncSummary(syncId, "failed", false, failed);
        }
    }

    private String redacted() {
        return store.url().replaceAll("password=[^&]*", "password=…");
    }

    /** Runs every provider; {@code knownTables} forces whether the tables are read (null: find out). */
    private SyncSummary run(EventsRequest request, boolean preview, String syncId, List<String> notes,
                            Boolean knownTables) {
        boolean tablesExist;
        try {
            tablesExist = knownTables != null ? knownTables : !preview || store.exists();
        } catch (SQLException e) {
            tablesExist = false;
        }
        boolean existing = tablesExist;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, providers.size()), r -> {
            Thread t = new Thread(r, "event-provider");
            t.setDaemon(true);
            return t;
        });
        List<ProviderResult> results = new ArrayList<>();
        try {
            List<Future<ProviderResult>> futures = new ArrayList<>();
            for (EventProvider provider : providers) {
                futures.add(pool.submit(() -> one(provider, request, preview, existing, syncId)));
            }
            for (int i = 0; i < providers.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (Exception e) {
                    Instant now = clock.instant();
                    results.add(new ProviderResult(syncId, providers.get(i).name(), types(providers.get(i)), "failed", 0, 0,
                            0, 0, 0, 1, CauseFormatter.describe(e), List.of(), now, now));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new SyncSummary(syncId, SyncSummary.statusOf(results), preview, results, notes, "");
    }

    private ProviderResult one(EventProvider provider, EventsRequest request, boolean preview, boolean tablesExist,
                               String syncId) {
        Instant started = clock.instant();
        ProviderResult result;
        ProviderFetch fetch = null;
        EventStore.Plan plan = null;
        try {
            fetch = fetchWithin(provider, request);
            plan = store.plan(provider, fetch, request, tablesExist);
            if (!preview) {
                store.apply(plan, clock.instant());
            }
            int inserted = plan.inserts().size();
            int updated = plan.updates().size();
            result = new ProviderResult(syncId, provider.name(), types(provider),
                    fetch.errors().isEmpty() ? "success" : "partial_failure", fetch.events().size(), inserted, updated,
                    inserted + updated, plan.stale().size(), fetch.errors().size(), String.join("; ", fetch.errors()),
                    fetch.warnings(), started, clock.instant(), plan.changes());
        } catch (ProviderException | SQLException | RuntimeException e) {
            LOG.debug("provider {} failed: {}", provider.name(), e.toString());
            plan = null;
            result = new ProviderResult(syncId, provider.name(), types(provider), "failed", 0, 0, 0, 0, 0, 1,
                    CauseFormatter.describe(e), List.of(), started, clock.instant());
        }
        if (!preview) {
            log(provider, result, fetch, plan, request);
        }
        return result;
    }

    /**
     * The host's sync-log rows: one per event type for a per-symbol provider (the host logs EARNINGS and
     * DIVIDEND apart), one for the US calendar under MARKET_HOLIDAY, else one naming all its types.
     */
    private void log(EventProvider provider, ProviderResult result, ProviderFetch fetch, EventStore.Plan plan,
                     EventsRequest request) {
        List<String> types = provider.eventTypes().stream().map(EventType::name).sorted().toList();
        List<String> rows = provider.perSymbol() ? types
                : List.of(types.contains("MARKET_HOLIDAY") ? "MARKET_HOLIDAY" : String.join(",", types));
        for (String type : rows) {
            int fetched = fetch == null ? 0 : (int) fetch.events().stream()
                    .filter(e -> rows.size() == 1 || e.eventType().name().equals(type)).count();
            try {
                store.log(result, provider, plan == null ? null : plan, request, fetched, type,
                        rows.size() == 1 ? types : List.of(type));
            } catch (SQLException e) {
                LOG.warn("could not write the sync log for {}: {}", provider.name(), CauseFormatter.describe(e));
            }
        }
    }

    /** The provider's fetch, abandoned a little after the request's deadline if it does not bound itself. */
    private static ProviderFetch fetchWithin(EventProvider provider, EventsRequest request) throws ProviderException {
        try {
            return Bounded.call("provider-" + provider.name(), request.timeout().plusSeconds(1),
                    () -> provider.fetch(request));
        } catch (ProviderException | RuntimeException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new ProviderException(provider.name() + " did not finish within the " + request.timeout().toSeconds()
                    + " s deadline; it was abandoned");
        } catch (Exception e) {
            throw new ProviderException(provider.name() + " failed: " + CauseFormatter.describe(e), e);
        }
    }

    private static String types(EventProvider provider) {
        return provider.eventTypes().stream().map(EventType::name).sorted().collect(Collectors.joining(","));
    }
}
