package com.twsrobot.maintenance.sources.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.HostConnection;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.api.http.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The market-events service of the host itself (TWS Robot), driven over its web API
 * ({@code events_service = host-http}). An apply logs in as the host's web client does, notes the
 * sync log's newest row and summary, asks for a refresh ({@code POST /api/market-events/refresh?days=N},
 * which answers at once and carries no job id), then polls the sync log gently within the source
 * deadline until a new summary appears, and reports each of the host's providers as the host did.
 * A dry run never POSTs: the host has no preview, so it says so and shows what the host lists now and
 * its last summary. Nothing is written locally; what the host's providers write is the host's.
 *
 * <p>What the host hides is made visible: a refresh it dropped (it answers {@code refresh_started}
 * even while another one runs) fails naming the refresh that ran instead; a summary that never
 * changes fails at the deadline saying what the log last showed; a provider that fetched 0 where its
 * previous run fetched some is a warning (the host reports a quiet fetch failure as success).
 */
public final class HostMarketEventsService implements MarketEventsService {

    private static final Logger LOG = LoggerFactory.getLogger(HostMarketEventsService.class);

    /** How long to wait between two looks at the sync log: gentle on the host, quick enough for a person. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** Provider option ({@code provider_option.host.poll_millis}) for another pause, 10 ms to 60 s. */
    public static final String POLL_OPTION = "host.poll_millis";
    /** The host's limits for {@code days} and {@code limit}. */
    static final int MAX_DAYS = 90;
    static final int MAX_LOG_ROWS = 100;
    /** Most upcoming events a dry run names. */
    private static final int SHOWN_UPCOMING = 20;

    private final HostConnection connection;
    private final HttpSettings http;
    /** For refreshes and previews, one at a time. */
    private final HostSession session;
    /**
     * For {@link #syncLog}, with a lock of its own: status pages and {@code events sync-log} read the
     * log while a refresh is followed (for minutes, perhaps) and must not wait for it.
     */
    private final HostSession reader;
    /** The runner's clock: the ids of refreshes whose host-side start is unknown, and when a look starts. */
    private final java.time.Clock clock;

    public HostMarketEventsService(HostConnection connection, HttpSettings http, java.time.Clock clock) {
        this.connection = connection;
        this.http = http;
        this.clock = clock;
        this.session = new HostSession(connection.url(), connection.username(), connection.passwordFile(), http);
        this.reader = new HostSession(connection.url(), connection.username(), connection.passwordFile(), http);
    }

    @Override
    public synchronized SyncSummary refresh(EventsRequest request) {
        // Measured on the monotonic timer from the request's instant: a runner's test clock may stand still,
        // and this loop must end regardless.
        Deadline deadline = Deadline.elapsing(request.timeout(), request.now());
        int days = days(request);
        String refreshPath = "/api/market-events/refresh?days=" + days;
        try {
            Duration poll = pollInterval(request);
            HostSyncLog.Log before = syncLog(deadline);
            JsonNode started = session.api("POST", refreshPath, deadline);
            String status = started.path("status").asText("");
            if (!status.equals("refresh_started")) {
                return SyncSummary.failed(pendingId(), false, "the host answered POST " + refreshPath + " with status '"
                        + status + "', not refresh_started; nothing is known to have run", List.of());
            }
            HostSyncLog.Log last = before;
            while (deadline.remaining().compareTo(poll) > 0) {
                if (!pause(poll)) {
                    return SyncSummary.failed(pendingId(), false, "interrupted while following the host's refresh; "
                            + "the host goes on with it (see events sync-log)", List.of());
                }
                try {
                    last = syncLog(deadline);
                } catch (HostApiException e) {
                    if (deadline.passed()) {
                        break; // a look cut short by the deadline: the refresh did not finish in time
                    }
                    throw e;
                }
                Optional<HostSyncLog.Summary> summary = last.summary();
                if (summary.isPresent() && !last.fingerprint().equals(before.fingerprint())) {
                    return summary.get().daysAhead() == days ? finished(summary.get(), before, request, days)
                            : dropped(summary.get(), days);
                }
            }
            return SyncSummary.failed(pendingId(), false, "the host's refresh did not finish within " + deadline.describe()
                    + " (source_timeout_seconds): its last_sync_summary never changed after POST " + refreshPath
                    + ". The host drops a refresh sent while another one runs, and keeps the summary in memory only "
                    + "(a restart or a second worker loses it). The sync log last showed: " + lastShowed(before, last),
                    List.of());
        } catch (HostApiException e) {
            return SyncSummary.failed(pendingId(), false, e.getMessage(), List.of());
        } finally {
            session.logout(Deadline.elapsing(http.requestTimeout(), clock.instant()));
        }
    }

    @Override
    public synchronized SyncSummary preview(EventsRequest request) {
        Deadline deadline = Deadline.elapsing(request.timeout(), request.now());
        int days = days(request);
        try {
            JsonNode upcoming = session.api("GET", "/api/market-events/upcoming?days=" + days, deadline);
            HostSyncLog.Log log = syncLog(deadline);
            List<String> notes = new ArrayList<>();
            notes.add("the host offers no preview: this dry run sent no refresh and cannot say what an apply would change; "
                    + "an apply asks the host at " + session.base() + " to refresh (POST /api/market-events/refresh?days="
                    + days + ") and records what each of its providers did");
            notes.add(upcoming(upcoming, days));
            notes.add(log.summary().map(s -> "the host's last refresh: " + s.brief() + failures(s))
                    .orElse("the host has no last sync summary (it keeps it in memory only, so it is empty after a "
                            + "restart)" + log.rows().stream().findFirst().map(r -> "; its sync log's newest row: "
                            + r.brief() + " finished " + r.finished()).orElse("; its sync log is empty")));
            return new SyncSummary("host-preview", "success", true, List.of(), notes, "", "");
        } catch (HostApiException e) {
            return SyncSummary.failed("host-preview", true, e.getMessage(), List.of());
        } finally {
            session.logout(Deadline.elapsing(http.requestTimeout(), clock.instant()));
        }
    }

    @Override
    public List<ProviderResult> syncLog(int limit) {
        Deadline deadline = Deadline.elapsing(http.requestTimeout().multipliedBy(3), clock.instant());
        synchronized (reader) {
            return read(limit, deadline);
        }
    }

    private List<ProviderResult> read(int limit, Deadline deadline) {
        try {
            JsonNode root = reader.api("GET", "/api/market-events/sync-log?limit=" + Math.max(1,
                    Math.min(limit, MAX_LOG_ROWS)), deadline);
            return HostSyncLog.results(HostSyncLog.parse(root, "GET /api/market-events/sync-log").rows());
        } catch (HostApiException e) {
            LOG.warn("cannot read the host's sync log: {}", e.getMessage());
            return List.of();
        }
    }

    /** The host it drives, for messages. */
    public HostConnection connection() {
        return connection;
    }

    private HostSyncLog.Log syncLog(Deadline deadline) throws HostApiException {
        String path = "/api/market-events/sync-log?limit=" + MAX_LOG_ROWS;
        return HostSyncLog.parse(session.api("GET", path, deadline), "GET " + path);
    }

    /** The refresh this run asked for finished: each provider as the host reported it. */
    private SyncSummary finished(HostSyncLog.Summary summary, HostSyncLog.Log before, EventsRequest request, int days) {
        String syncId = summary.started().map(HostSyncLog::syncId).orElse(pendingId());
        if (summary.providers().isEmpty()) {
            return SyncSummary.failed(syncId, false, "the host's refresh failed as a whole" + (summary.error().isEmpty()
                    ? "" : ": " + summary.error()) + " (status " + summary.status() + ", no provider results)", List.of());
        }
        List<ProviderResult> results = new ArrayList<>();
        for (HostSyncLog.Run run : summary.providers()) {
            results.add(run.toResult(syncId, zeroAfterSome(run, before)));
        }
        List<String> notes = new ArrayList<>();
        List<String> notSent = request.symbols().stream().filter(s -> !summary.symbols().contains(s)).toList();
        if (!notSent.isEmpty()) {
            notes.add("the host refreshes the symbols it knows (its positions and strategies: "
                    + (summary.symbols().isEmpty() ? "none" : String.join(", ", summary.symbols())) + "); its API takes "
                    + "no symbols, so " + String.join(", ", notSent) + " got no earnings or dividend refresh");
        }
        long requested = java.time.temporal.ChronoUnit.DAYS.between(request.from(), request.to());
        if (requested > days) {
            notes.add("the host refreshes at most " + MAX_DAYS + " days ahead; asked for " + requested);
        }
        return new SyncSummary(syncId, SyncSummary.statusOf(results), false, results, notes, "", "");
    }

    /** A summary appeared, but for other days than asked: another refresh was running and the host dropped ours. */
    private SyncSummary dropped(HostSyncLog.Summary other, int days) {
        return SyncSummary.failed(pendingId(), false, "the host dropped this refresh (" + days + " day(s) ahead): it was "
                + "already running one (" + other.daysAhead() + " day(s) ahead" + other.started().map(s -> ", started "
                + s).orElse("") + ") and answers refresh_started even to a request it ignores. That refresh finished "
                + other.brief() + ". Nothing was refreshed for this run: run the task again now that the host is idle",
                List.of());
    }

    /**
     * A provider that fetched nothing where its previous run fetched some: the host reports a fetch that
     * failed quietly (no network, Yahoo's 429) as success with 0 fetched.
     */
    static List<String> zeroAfterSome(HostSyncLog.Run run, HostSyncLog.Log before) {
        if (run.fetched() > 0 || !run.status().equals("success")) {
            return List.of();
        }
        Optional<HostSyncLog.Run> previous = before.newest(run.key(), before.maxId());
        if (previous.isEmpty() && before.summary().isPresent()) {
            previous = before.summary().get().providers().stream().filter(p -> p.key().equals(run.key())).findFirst();
        }
        return previous.filter(p -> p.fetched() > 0).map(p -> List.of(run.key() + " fetched 0 events where its previous "
                + "run (finished " + p.finished() + ") fetched " + p.fetched() + "; the host reports a fetch that failed "
                + "quietly (no network, a rate limit) as success, so this may be one")).orElse(List.of());
    }

    private static String lastShowed(HostSyncLog.Log before, HostSyncLog.Log last) {
        List<HostSyncLog.Run> rows = last.newerThan(before.maxId());
        String newRows = rows.isEmpty() ? "no new provider rows since the request"
                : rows.size() + " new provider row(s) since the request (" + String.join("; ", rows.stream()
                .map(HostSyncLog.Run::brief).toList()) + ")";
        return newRows + "; last summary: " + last.summary().map(HostSyncLog.Summary::brief).orElse("none");
    }

    private static String failures(HostSyncLog.Summary s) {
        List<String> failed = s.providers().stream().filter(p -> !p.status().equals("success"))
                .map(HostSyncLog.Run::brief).toList();
        return failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed);
    }

    private static String upcoming(JsonNode answer, int days) {
        JsonNode events = answer.path("events");
        List<String> shown = new ArrayList<>();
        for (JsonNode e : events) {
            if (shown.size() == SHOWN_UPCOMING) {
                break;
            }
            String symbol = e.path("symbol").isNull() ? "" : " " + e.path("symbol").asText();
            String time = e.path("event_time").isNull() ? "" : " " + e.path("event_time").asText();
            // event_date is the UTC instant, naive: shown with its zone so no one reads it as New York time
            shown.add(e.path("event_type").asText() + symbol + " " + e.path("event_date").asText() + "Z" + time);
        }
        int count = answer.path("count").asInt(events.size());
        return "the host lists " + count + " upcoming event(s) in the next " + days + " day(s)"
                + (shown.isEmpty() ? "" : ": " + String.join(", ", shown) + (count > shown.size() ? ", ..." : ""));
    }

    /** The request's window in days, within the host's 1 to 90. */
    private static int days(EventsRequest request) {
        long days = ChronoUnit.DAYS.between(request.from(), request.to());
        return (int) Math.max(1, Math.min(MAX_DAYS, days));
    }

    /** The pause between two looks at the sync log; a malformed or out-of-range option fails the refresh, naming it. */
    private static Duration pollInterval(EventsRequest request) throws HostApiException {
        String value = request.options().get(POLL_OPTION);
        if (value == null) {
            return DEFAULT_POLL;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 10 && millis <= 60_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // refused just below
        }
        throw new HostApiException("provider_option." + POLL_OPTION + " must be a whole number of milliseconds from 10 to "
                + "60000, got '" + value + "'; nothing was sent to the host");
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The id of a refresh whose host-side start is not known (it failed before one was seen). */
    private String pendingId() {
        return "host-" + clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
