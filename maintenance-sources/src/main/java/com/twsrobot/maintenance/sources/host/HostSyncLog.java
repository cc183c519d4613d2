package com.twsrobot.maintenance.sources.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.events.ProviderResult;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host's {@code GET /api/market-events/sync-log} answer read into records: the rows (newest first,
 * as the host sorts them) and {@code last_sync_summary}. Times are read in the host's zones: every
 * {@code *_at} and window value is naive UTC; a row's {@code created_at} is the host's local wall
 * clock, so it is not read at all (nothing here orders or matches by it).
 */
final class HostSyncLog {

    private HostSyncLog() {
    }

    /** One provider's run, from a log row or from the summary's {@code provider_results}. */
    record Run(long id, String provider, String eventType, String status, int fetched, int upserted, int stale,
               int errors, String errorMessage, Instant started, Instant finished, String window) {

        String key() {
            return provider + "/" + eventType;
        }

        ProviderResult toResult(String syncId, List<String> warnings) {
            // The host reports upserts only, not inserts and updates apart: both stay 0 rather than guessed.
            return new ProviderResult(syncId, provider, eventType, status, fetched, 0, 0, upserted, stale, errors,
                    errorMessage, warnings, started, finished);
        }

        String brief() {
            return key() + " " + status + " (" + fetched + " fetched, " + upserted + " upserted"
                    + (errorMessage.isEmpty() ? "" : ", " + errorMessage) + ")";
        }
    }

    /** The summary of the refresh that finished last (the host keeps it in memory only). */
    record Summary(String status, int daysAhead, List<String> symbols, List<Run> providers, String error) {

        /** What tells one finished refresh from another: its providers' start times (or its error). */
        String fingerprint() {
            return status + "|" + providers.stream().map(r -> String.valueOf(r.started())).toList() + "|" + error;
        }

        Optional<Instant> started() {
            return providers.stream().map(Run::started).min(Instant::compareTo);
        }

        String brief() {
            int fetched = providers.stream().mapToInt(Run::fetched).sum();
            int upserted = providers.stream().mapToInt(Run::upserted).sum();
            int errors = providers.stream().mapToInt(Run::errors).sum();
            return status + " for " + daysAhead + " day(s)" + started().map(s -> ", started " + s).orElse("") + ", "
                    + providers.size() + " provider(s), " + fetched + " fetched, " + upserted + " upserted, " + errors
                    + " error(s)" + (error.isEmpty() ? "" : ": " + error);
        }
    }

    /** A whole answer. */
    record Log(List<Run> rows, Optional<Summary> summary) {

        long maxId() {
            return rows.stream().mapToLong(Run::id).max().orElse(0);
        }

        String fingerprint() {
            return summary.map(Summary::fingerprint).orElse("none");
        }

        /** The newest row of a provider and event type, among rows up to {@code maxId}. */
        Optional<Run> newest(String key, long maxId) {
            return rows.stream().filter(r -> r.id() <= maxId && r.key().equals(key)).findFirst();
        }

        List<Run> newerThan(long id) {
            return rows.stream().filter(r -> r.id() > id).toList();
        }
    }

    static Log parse(JsonNode root, String what) throws HostApiException {
        JsonNode logs = root.path("logs");
        if (!logs.isArray()) {
            throw new HostApiException("the host's answer to " + what + " has no 'logs' list; is host.url the TWS Robot "
                    + "web app of a version with the market-events API?");
        }
        List<Run> rows = new ArrayList<>();
        for (JsonNode row : logs) {
            rows.add(run(row, "sync_started_at", "sync_finished_at", what));
        }
        JsonNode s = root.path("last_sync_summary");
        Optional<Summary> summary = Optional.empty();
        if (s.isObject()) {
            List<Run> providers = new ArrayList<>();
            for (JsonNode p : s.path("provider_results")) {
                providers.add(run(p, "started_at", "finished_at", what));
            }
            List<String> symbols = new ArrayList<>();
            s.path("portfolio_symbols").forEach(n -> symbols.add(n.asText()));
            summary = Optional.of(new Summary(s.path("status").asText(""), s.path("days_ahead").asInt(0),
                    List.copyOf(symbols), List.copyOf(providers), text(s, "error")));
        }
        return new Log(List.copyOf(rows), summary);
    }

    private static Run run(JsonNode n, String startKey, String finishKey, String what) throws HostApiException {
        Instant started = utc(n.path(startKey).asText(null), startKey, what);
        Instant finished = n.path(finishKey).isNull() || n.path(finishKey).isMissingNode() ? started
                : utc(n.path(finishKey).asText(), finishKey, what);
        return new Run(n.path("id").asLong(0), text(n, "provider"), text(n, "event_type"), text(n, "status"),
                n.path("fetched_count").asInt(0), n.path("upserted_count").asInt(0), n.path("stale_count").asInt(0),
                n.path("error_count").asInt(0), text(n, "error_message"), started, finished,
                text(n, "window_start_utc") + " to " + text(n, "window_end_utc"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    /**
     * A host time stamp: naive ISO-8601 in UTC ({@code 2026-12-03T08:31:02.499391}, fraction absent when
     * zero). One with an offset is taken at its offset.
     */
    static Instant utc(String text, String field, String what) throws HostApiException {
        if (text == null || text.isBlank()) {
            throw new HostApiException("the host's answer to " + what + " has a row without " + field);
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new HostApiException("the host's answer to " + what + " has " + field + " '" + text
                        + "', not an ISO-8601 date-time");
            }
        }
    }

    /**
     * The rows as results, each with the id of the refresh it belonged to. The log has no refresh id, so
     * rows are grouped in the order they ran: a refresh is a run of rows with one window in which no
     * provider and event type comes twice; its id is {@link #syncId} of its first start.
     */
    static List<ProviderResult> results(List<Run> newestFirst) {
        List<Run> ascending = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(ascending);
        String[] ids = new String[ascending.size()];
        Set<String> seen = new HashSet<>();
        String window = null;
        String id = null;
        for (int i = 0; i < ascending.size(); i++) {
            Run r = ascending.get(i);
            if (id == null || !r.window().equals(window) || !seen.add(r.key())) {
                seen.clear();
                seen.add(r.key());
                window = r.window();
                id = syncId(r.started());
            }
            ids[i] = id;
        }
        List<ProviderResult> out = new ArrayList<>();
        for (int i = ascending.size() - 1; i >= 0; i--) {
            out.add(ascending.get(i).toResult(ids[i], List.of()));
        }
        return out;
    }

    /** {@code host-2026-12-03T08:30:57.906490Z}: a host refresh named by its first provider's start. */
    static String syncId(Instant firstStart) {
        return "host-" + firstStart;
    }
}
