package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventChange;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The refresh comparison as it was before issue 24, kept as the oracle of the bounded one: it reads
 * every row from the window's start on (all sources, all symbols, every column) and compares in
 * memory. Same rules, same order; only the reads differ.
 */
final class ReferencePlanner {

    private ReferencePlanner() {
    }

    /** Every row from the window's start, as the old store read them. */
    static List<Map<String, Object>> existing(EventStore store, EventsRequest request) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("SELECT id, status, "
                + String.join(", ", EventStore.CONTENT) + " FROM market_events WHERE event_date >= ? ORDER BY id")) {
            if (store.dialect() == EventStore.Dialect.POSTGRESQL) {
                ps.setObject(1, request.from().atStartOfDay());
            } else {
                ps.setString(1, EventStore.HOST_TS.format(request.from().atStartOfDay()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("status", rs.getString("status"));
                    row.put("content", EventRow.read(rs, store));
                    out.add(row);
                }
            }
        }
        return out;
    }

    static EventStore.Plan plan(EventStore store, EventProvider provider, ProviderFetch fetch, EventsRequest request)
            throws Exception {
        List<Map<String, Object>> existing = existing(store, request);
        Map<String, Map<String, Object>> byEventId = new HashMap<>();
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : existing) {
            EventRow content = (EventRow) row.get("content");
            if (content.eventId() != null) {
                byEventId.put(content.eventId(), row);
            }
            byKey.putIfAbsent(content.key(), row);
        }
        List<EventRow> inserts = new ArrayList<>();
        List<EventStore.Update> updates = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<EventChange> changes = new ArrayList<>();
        Set<String> produced = new HashSet<>();
        Set<Long> touched = new HashSet<>();
        Set<String> portfolio = new HashSet<>(request.symbols());
        List<MarketEvent> ordered = new ArrayList<>(fetch.events());
        ordered.sort(java.util.Comparator.comparing(MarketEvent::eventDate).thenComparing(MarketEvent::eventId));
        for (MarketEvent e : ordered) {
            EventRow row = EventStore.row(provider, e, portfolio);
            if (!produced.add(row.eventId())) {
                continue;
            }
            Map<String, Object> found = byEventId.get(row.eventId());
            if (found == null) {
                found = byKey.get(row.key());
            }
            if (found == null || touched.contains((Long) found.get("id"))) {
                inserts.add(row);
                changes.add(new EventChange(EventChange.INSERT, row.eventId(), row.sourceEventId(), row.eventType(),
                        row.symbol(), row.eventDate().toLocalDate(), row.eventTime(), row.marketTimezone(), row.title(),
                        List.of(), ""));
                continue;
            }
            long id = (Long) found.get("id");
            touched.add(id);
            List<EventChange.FieldChange> fields = new ArrayList<>();
            List<Object> now = row.values();
            List<Object> was = ((EventRow) found.get("content")).values();
            for (int i = 0; i < EventStore.CONTENT.size(); i++) {
                if (!Objects.equals(EventStore.text(now.get(i)), EventStore.text(was.get(i)))) {
                    fields.add(new EventChange.FieldChange(EventStore.CONTENT.get(i), EventStore.text(was.get(i)),
                            EventStore.text(now.get(i))));
                }
            }
            String status = (String) found.get("status");
            if (!"active".equals(status) && !"updated".equals(status)) {
                fields.add(new EventChange.FieldChange("status", status, "updated"));
            }
            if (fields.isEmpty()) {
                unchanged.add(id);
            } else {
                updates.add(new EventStore.Update(id, row));
                changes.add(new EventChange(EventChange.UPDATE, row.eventId(), row.sourceEventId(), row.eventType(),
                        row.symbol(), row.eventDate().toLocalDate(), row.eventTime(), row.marketTimezone(), row.title(),
                        fields, ""));
            }
        }
        Set<String> types = new HashSet<>();
        provider.eventTypes().forEach(t -> types.add(t.name()));
        Set<String> covered = new HashSet<>(fetch.coveredSymbols());
        Map<Long, String> stale = new TreeMap<>();
        for (Map<String, Object> row : existing) {
            long id = (Long) row.get("id");
            EventRow content = (EventRow) row.get("content");
            LocalDateTime at = content.eventDate();
            String status = (String) row.get("status");
            boolean inScope = provider.source().equals(content.source()) && types.contains(content.eventType())
                    && EventStore.inWindow(at, request) && ("active".equals(status) || "updated".equals(status))
                    && (!provider.perSymbol() || covered.contains(content.symbol()));
            if (inScope && !touched.contains(id) && !produced.contains(content.eventId())) {
                stale.put(id, content.eventType());
                changes.add(new EventChange(EventChange.STALE, content.eventId(), content.sourceEventId(),
                        content.eventType(), content.symbol(), at.toLocalDate(), content.eventTime(),
                        content.marketTimezone(), content.title(), List.of(), provider.perSymbol()
                        ? provider.name() + " no longer reports it for " + content.symbol() + ", which it fetched this time"
                        : provider.name() + " no longer reports it for this window"));
            }
        }
        return new EventStore.Plan(inserts, updates, unchanged, stale, changes, existing.size());
    }
}
