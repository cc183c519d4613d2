package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.events.EventSymbols;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEventsOptions;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.EventChange;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * {@code market_events}: a dry run asks the market-events service for a preview (what would be
 * inserted, updated, marked stale); an apply refreshes. Earnings and dividends are fetched only for
 * the request's symbols and those the host's {@link EventSymbols} supply — never a whole index. The
 * task's own options (those symbols and the window) are the request's {@link MarketEventsOptions},
 * {@link MarketEventsOptions#DEFAULTS} when it carries none.
 */
public final class MarketEventsTask implements MaintenanceTask {

    public static final String NAME = MarketEventsOptions.TASK;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> groups() {
        return Set.of(GROUP_ALL, GROUP_EVENTS);
    }

    @Override
    public String description() {
        return "refresh earnings, dividends, FOMC dates and US market holidays / early closes";
    }

    @Override
    public TaskResult run(TaskContext context) {
        TaskResult.Builder result = context.newResult(NAME);
        Optional<MarketEventsService> service = context.marketEvents();
        if (service.isEmpty()) {
            return result.error(NoticeCode.NOT_CONFIGURED,
                    "no market-events service: give the runner the host's service or put "
                    + "maintenance-sources on the class path").finish(context.clock().instant());
        }
        MarketEventsOptions options = context.request().options(MarketEventsOptions.class)
                .orElse(MarketEventsOptions.DEFAULTS);
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        Set<String> symbols = new LinkedHashSet<>();
        List<String> manual = normalise(options.symbols());
        bySource.put("manual", manual);
        symbols.addAll(manual);
        List<EventSymbols> suppliers = new ArrayList<>(context.eventSymbols());
        suppliers.addAll(ServiceProviders.load(EventSymbols.class, MarketEventsTask.class.getClassLoader(),
                result::warning));
        for (EventSymbols supplier : suppliers) {
            try {
                List<String> supplied = normalise(supplier.symbols());
                if (supplied.isEmpty()) {
                    continue; // e.g. no watchlist file: nothing to say
                }
                bySource.put(supplier.name(), supplied);
                symbols.addAll(supplied);
            } catch (RuntimeException e) {
                result.warning(NoticeCode.SOURCE_FAILED,
                        "event symbols from " + supplier.name() + " are unavailable: " + e.getMessage());
            }
        }
        LocalDate from = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC);
        LocalDate to = from.plusDays(options.daysAhead());
        EventsRequest request = new EventsRequest(new ArrayList<>(symbols), from, to, context.clock().instant(),
                context.request().sourceUrls(), context.request().snapshot(), context.request().effectiveSourceTimeout(),
                context.providerOptions(), context.http());
        context.progress(NAME + ": " + (context.dryRun() ? "previewing" : "refreshing") + " events " + from + " to " + to
                + " for " + symbols.size() + " symbol(s)");
        SyncSummary summary = context.dryRun() ? service.get().preview(request) : service.get().refresh(request);
        if (!summary.lockHeldBy().isEmpty()) {
            result.error(NoticeCode.LOCK_HELD,
                    "another market-events refresh holds the event store's lock: " + summary.lockHeldBy()
                    + "; nothing was written (try again when it has finished)");
            result.detail(com.twsrobot.maintenance.api.RunReport.LOCK_HELD_BY, summary.lockHeldBy());
            return result.finish(context.clock().instant());
        }
        summary.notes().forEach(result::warning);
        if (!summary.error().isEmpty()) {
            // The sync failed as a whole (a host that refused the login, a refresh that never finished):
            // no provider ran for this run, and the reason is the error.
            result.error(NoticeCode.SOURCE_FAILED, summary.error());
            result.detail("mode", summary.preview() ? "preview" : "refresh").detail("sync_id", summary.syncId());
            context.progress(NAME + ": failed: " + summary.error());
            return result.status(TaskStatus.FAILED).finish(context.clock().instant());
        }

        result.source("market events: " + String.join(", ", summary.providers().stream().map(ProviderResult::provider)
                .toList()));
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", from.toString());
        window.put("to", to.toString());
        window.put("days_ahead", options.daysAhead());
        result.detail("mode", summary.preview() ? "preview" : "refresh").detail("sync_id", summary.syncId())
                .detail("window", window).detail("symbols", new ArrayList<>(symbols)).detail("symbol_sources", bySource);
        List<Map<String, Object>> providers = new ArrayList<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        for (ProviderResult p : summary.providers()) {
            providers.add(describe(p));
            p.changes().forEach(c -> changes.add(describe(p.provider(), c)));
            inserted += p.insertedCount();
            updated += p.updatedCount();
            // A provider's warning starts with what it is about (a per-symbol one with the symbol); the
            // provider goes last, so two symbols' warnings never read alike.
            p.warnings().forEach(w -> result.notice(Notice.warning(NoticeCode.UNSPECIFIED,
                    w + " [" + p.provider() + "]")
                    .withField(p.provider())));
            if (!p.errorMessage().isEmpty()) {
                result.notice(Notice.error(NoticeCode.SOURCE_FAILED,
                        p.provider() + " " + p.status().replace('_', ' ') + ": "
                        + p.errorMessage()).withField(p.provider()));
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("fetched_count", summary.fetchedCount());
        totals.put("inserted_count", inserted);
        totals.put("updated_count", updated);
        totals.put("upserted_count", summary.upsertedCount());
        totals.put("stale_count", summary.staleCount());
        totals.put("error_count", summary.errorCount());
        result.detail("providers", providers).detail("totals", totals).detail("changes", changes);
        context.progress(NAME + ": " + summary.status() + ", " + summary.fetchedCount() + " fetched, " + inserted
                + (summary.preview() ? " would be inserted, " : " inserted, ") + updated + " updated, "
                + summary.staleCount() + " stale");
        // A successful sync's status follows from its warnings (success or warning), as for any task;
        // a sync that failed in part or in whole says so whatever the builder would derive.
        if (!summary.status().equals("success")) {
            result.status(summary.status().equals("partial_failure") ? TaskStatus.PARTIAL_FAILURE : TaskStatus.FAILED);
        }
        return result.finish(context.clock().instant());
    }

    private static Map<String, Object> describe(ProviderResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", p.provider());
        m.put("event_type", p.eventType());
        m.put("status", p.status());
        m.put("fetched_count", p.fetchedCount());
        m.put("inserted_count", p.insertedCount());
        m.put("updated_count", p.updatedCount());
        m.put("upserted_count", p.upsertedCount());
        m.put("stale_count", p.staleCount());
        m.put("error_count", p.errorCount());
        m.put("error_message", p.errorMessage());
        m.put("warnings", p.warnings());
        m.put("started_at", p.startedAt().toString());
        m.put("finished_at", p.finishedAt().toString());
        return m;
    }

    /** One change as the report lists it: {@code provider, kind, event_id, event_type, symbol, date, ...}. */
    private static Map<String, Object> describe(String provider, EventChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider);
        m.put("kind", c.kind());
        m.put("event_id", c.eventId());
        m.put("source_event_id", c.sourceEventId());
        m.put("event_type", c.eventType());
        m.put("symbol", c.symbol());
        m.put("date", c.date().toString());
        m.put("time", c.time());
        m.put("zone", c.zone());
        m.put("title", c.title());
        if (!c.fields().isEmpty()) {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (EventChange.FieldChange f : c.fields()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("field", f.field());
                fm.put("old", f.oldValue());
                fm.put("new", f.newValue());
                fields.add(fm);
            }
            m.put("fields", fields);
        }
        if (!c.reason().isEmpty()) {
            m.put("reason", c.reason());
        }
        return m;
    }

    private static List<String> normalise(List<String> symbols) {
        List<String> out = new ArrayList<>();
        for (String s : symbols) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
