package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.EventSyncDetail;
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
            result.detail(new EventSyncDetail(null, null, null, null, null, null, null, null, summary.lockHeldBy(),
                    null));
            return result.finish(context.clock().instant());
        }
        summary.notes().forEach(result::warning);
        if (!summary.error().isEmpty()) {
            // The sync failed as a whole (a host that refused the login, a refresh that never finished):
            // no provider ran for this run, and the reason is the error.
            result.error(NoticeCode.SOURCE_FAILED, summary.error());
            result.detail(new EventSyncDetail(mode(summary), summary.syncId(), null, null, null, null, null, null, null,
                    null));
            context.progress(NAME + ": failed: " + summary.error());
            return result.status(TaskStatus.FAILED).finish(context.clock().instant());
        }

        result.source("market events: " + String.join(", ", summary.providers().stream().map(ProviderResult::provider)
                .toList()));
        EventSyncDetail.Window window = new EventSyncDetail.Window(from.toString(), to.toString(), options.daysAhead());
        List<EventSyncDetail.ProviderRun> providers = new ArrayList<>();
        List<EventSyncDetail.Change> changes = new ArrayList<>();
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
        EventSyncDetail.Totals totals = new EventSyncDetail.Totals(summary.fetchedCount(), inserted, updated,
                summary.upsertedCount(), summary.staleCount(), summary.errorCount());
        result.detail(new EventSyncDetail(mode(summary), summary.syncId(), window, new ArrayList<>(symbols), bySource,
                providers, totals, changes, null, null));
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

    private static String mode(SyncSummary summary) {
        return summary.preview() ? "preview" : "refresh";
    }

    private static EventSyncDetail.ProviderRun describe(ProviderResult p) {
        return new EventSyncDetail.ProviderRun(p.provider(), p.eventType(), p.status(), p.fetchedCount(),
                p.insertedCount(), p.updatedCount(), p.upsertedCount(), p.staleCount(), p.errorCount(),
                p.errorMessage(), p.warnings(), p.startedAt().toString(), p.finishedAt().toString());
    }

    /** One change as the report lists it: {@code provider, kind, event_id, event_type, symbol, date, ...}. */
    private static EventSyncDetail.Change describe(String provider, EventChange c) {
        List<EventSyncDetail.FieldEdit> fields = c.fields().isEmpty() ? null : c.fields().stream()
                .map(f -> new EventSyncDetail.FieldEdit(f.field(), f.oldValue(), f.newValue())).toList();
        return new EventSyncDetail.Change(provider, c.kind(), c.eventId(), c.sourceEventId(), c.eventType(), c.symbol(),
                c.date().toString(), c.time(), c.zone(), c.title(), fields, c.reason().isEmpty() ? null : c.reason());
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
