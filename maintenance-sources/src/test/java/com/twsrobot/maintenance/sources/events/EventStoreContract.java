package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every event store must do; run against SQLite always and PostgreSQL when one is reachable. */
abstract class EventStoreContract {

    static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

    /** A JDBC URL of an empty database for this test. */
    abstract String url();

    /** A provider answering what the test sets, or failing. */
    static final class ScriptedProvider implements EventProvider {
        final String name;
        final boolean perSymbol;
        volatile List<MarketEvent> events = new ArrayList<>();
        volatile List<String> covered = List.of();
        volatile String failure;

        ScriptedProvider(String name, boolean perSymbol) {
            this.name = name;
            this.perSymbol = perSymbol;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<EventType> eventTypes() {
            return perSymbol ? Set.of(EventType.EARNINGS) : Set.of(EventType.FOMC);
        }

        @Override
        public boolean perSymbol() {
            return perSymbol;
        }

        @Override
        public ProviderFetch fetch(EventsRequest request) throws ProviderException {
            if (failure != null) {
                throw new ProviderException(name + ": " + failure);
            }
            return new ProviderFetch(events, covered, List.of(), List.of());
        }
    }

    static MarketEvent event(String provider, EventType type, String symbol, String date, String title) {
        return new MarketEvent(type + ":" + symbol + ":" + date, type, symbol, title, "", LocalDate.parse(date), "", null,
                null, "America/New_York", provider, "", "http://x", Map.of("k", 1), "{\"t\":\"" + title + "\"}", true,
                "confirmed", 3);
    }

    private EventsRequest request() {
        return new EventsRequest(List.of("AAPL", "MSFT"), TODAY, TODAY.plusDays(60), clock.instant(), Map.of(), false);
    }

    private int rows() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT COUNT(*) FROM market_events");
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, Map<String, String>> all() throws Exception {
        return new EventStore(url()).all();
    }

    @Test
    void applyInsertsThenASecondApplyUpdatesWithoutDuplicates() throws Exception {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"),
                event("fomc", EventType.FOMC, "", "2027-01-27", "FOMC"));
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(fomc));

        SyncSummary first = service.refresh(request());
        assertThat(first.status()).isEqualTo("success");
        assertThat(first.providers().get(0).insertedCount()).isEqualTo(2);
        assertThat(rows()).isEqualTo(2);

        SyncSummary again = service.refresh(request());
        assertThat(again.providers().get(0).insertedCount()).isZero();
        assertThat(again.providers().get(0).updatedCount()).isZero();
        assertThat(rows()).isEqualTo(2);

        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC (moved time)"),
                event("fomc", EventType.FOMC, "", "2027-01-27", "FOMC"));
        SyncSummary changed = service.refresh(request());
        assertThat(changed.providers().get(0).updatedCount()).isEqualTo(1);
        assertThat(all().get("FOMC::2026-12-09").get("status")).isEqualTo("updated");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void previewWritesNoRowsAndReportsWhatWouldHappen() throws Exception {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"));
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(fomc));
        service.refresh(request());
        int before = rows();

        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2027-01-20", "FOMC"));
        SyncSummary preview = service.preview(request());
        assertThat(preview.preview()).isTrue();
        assertThat(preview.providers().get(0).insertedCount()).isEqualTo(1);
        assertThat(preview.providers().get(0).staleCount()).isEqualTo(1);
        assertThat(rows()).isEqualTo(before);
        assertThat(all().get("FOMC::2026-12-09").get("status")).isEqualTo("active");
        assertThat(service.syncLog(10)).hasSize(1); // the preview logged nothing
    }

    @Test
    void aVanishedFutureEventBecomesStaleNeverDeletedAndComesBackAsUpdated() throws Exception {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"),
                event("fomc", EventType.FOMC, "", "2026-12-16", "FOMC"));
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(fomc));
        service.refresh(request());
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"));
        assertThat(service.refresh(request()).providers().get(0).staleCount()).isEqualTo(1);
        assertThat(all().get("FOMC::2026-12-16").get("status")).isEqualTo("stale");
        assertThat(rows()).isEqualTo(2);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"),
                event("fomc", EventType.FOMC, "", "2026-12-16", "FOMC"));
        assertThat(service.refresh(request()).providers().get(0).updatedCount()).isEqualTo(1);
        assertThat(all().get("FOMC::2026-12-16").get("status")).isEqualTo("updated");
    }

    @Test
    void aFailedProviderChangesNoRowsAndTheOthersStillRun() throws Exception {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        ScriptedProvider yahoo = new ScriptedProvider("yahoo", true);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"));
        yahoo.events = List.of(event("yahoo", EventType.EARNINGS, "AAPL", "2027-01-10", "AAPL earnings"));
        yahoo.covered = List.of("AAPL");
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(fomc, yahoo));
        service.refresh(request());

        fomc.failure = "HTTP 503";
        yahoo.events = List.of(event("yahoo", EventType.EARNINGS, "AAPL", "2027-01-10", "AAPL earnings"),
                event("yahoo", EventType.EARNINGS, "MSFT", "2027-01-20", "MSFT earnings"));
        yahoo.covered = List.of("AAPL", "MSFT");
        SyncSummary summary = service.refresh(request());
        assertThat(summary.status()).isEqualTo("partial_failure");
        assertThat(summary.providers()).filteredOn(p -> p.provider().equals("fomc"))
                .singleElement().satisfies(p -> assertThat(p.errorMessage()).contains("HTTP 503"));
        assertThat(all().get("FOMC::2026-12-09").get("status")).isEqualTo("active");
        assertThat(all()).containsKey("EARNINGS:MSFT:2027-01-20");
        assertThat(service.syncLog(10)).hasSize(4);
    }

    @Test
    void onlySymbolsActuallyFetchedHaveTheirMissingEventsMarkedStale() throws Exception {
        ScriptedProvider yahoo = new ScriptedProvider("yahoo", true);
        yahoo.events = List.of(event("yahoo", EventType.EARNINGS, "AAPL", "2027-01-10", "AAPL"),
                event("yahoo", EventType.EARNINGS, "MSFT", "2027-01-20", "MSFT"));
        yahoo.covered = List.of("AAPL", "MSFT");
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(yahoo));
        service.refresh(request());
        // MSFT's fetch failed this time: its event is not "gone", it is unknown.
        yahoo.events = List.of(event("yahoo", EventType.EARNINGS, "AAPL", "2027-01-10", "AAPL"));
        yahoo.covered = List.of("AAPL");
        assertThat(service.refresh(request()).providers().get(0).staleCount()).isZero();
        assertThat(all().get("EARNINGS:MSFT:2027-01-20").get("status")).isEqualTo("active");
    }

    @Test
    void aSecondProviderNeverStalesAnotherProvidersRows() throws Exception {
        ScriptedProvider a = new ScriptedProvider("fomc", false);
        ScriptedProvider b = new ScriptedProvider("other", false);
        a.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"));
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(a, b));
        service.refresh(request());
        service.refresh(request());
        assertThat(all().get("FOMC::2026-12-09").get("status")).isEqualTo("active");
    }

    /**
     * The host's upsert finds a row by event_id wherever its date lies. An event whose stored date was
     * before the window (a date moved into it, same source id) is updated in place, not inserted again
     * (which the unique event_id index would refuse, failing the provider).
     */
    @Test
    void anEventMovedIntoTheWindowFromBeforeItIsUpdatedInPlace() throws Exception {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        fomc.events = List.of(moved(TODAY.minusDays(10)));
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(fomc));
        EventsRequest earlier = new EventsRequest(List.of(), TODAY.minusDays(30), TODAY.plusDays(60), clock.instant(),
                Map.of(), false);
        assertThat(service.refresh(earlier).providers().get(0).insertedCount()).isEqualTo(1);

        fomc.events = List.of(moved(TODAY.plusDays(5)));
        SyncSummary again = service.refresh(request());
        assertThat(again.status()).as(again.toString()).isEqualTo("success");
        assertThat(again.providers().get(0).updatedCount()).isEqualTo(1);
        assertThat(again.providers().get(0).insertedCount()).isZero();
        assertThat(rows()).isEqualTo(1);
    }

    private static MarketEvent moved(LocalDate day) {
        return new MarketEvent("FOMC:moved", EventType.FOMC, "", "FOMC", "", day, "", null, null, "America/New_York",
                "fomc", "FOMC:moved", "http://x", Map.of(), "{}", false, "confirmed", 90);
    }

    @Test
    void syncLogHasOneRowPerProviderNewestFirst() throws Exception {
        ScriptedProvider a = new ScriptedProvider("fomc", false);
        ScriptedProvider b = new ScriptedProvider("yahoo", true);
        JdbcMarketEventsService service = new JdbcMarketEventsService(url(), clock, List.of(a, b));
        service.refresh(request());
        clock.advance(java.time.Duration.ofMinutes(1));
        service.refresh(request());
        var log = service.syncLog(3);
        assertThat(log).hasSize(3);
        assertThat(log.get(0).finishedAt()).isAfter(log.get(2).finishedAt());
        assertThat(log).extracting(p -> p.provider()).contains("fomc", "yahoo");
    }
}
