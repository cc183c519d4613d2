package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.core.constituents.Enrichment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every added and removed symbol of a diff, classified against the source's dated change records:
 * explained (the newest record naming the symbol puts it on that side and is in effect on the run's
 * day), pending (that record takes effect after the run's day: the page already lists the future
 * state) or unexplained. A removed and an added symbol of the same company — a record with both
 * sides says so, or their normalised names ({@link Enrichment#normaliseName}) match — are one rename.
 */
public final class ChangeAnalysis {

    /** How a change stands against the change records. */
    public enum Kind {
        EXPLAINED, PENDING, UNEXPLAINED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One added or removed symbol and what explains it. */
    public record Entry(SymbolChange change, Kind kind, Optional<ChangeRecord> record) {

        /** As the report lists it. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", change.symbol());
            m.put("name", change.security());
            m.put("classification", kind.wireName());
            putRecord(m, record);
            return m;
        }
    }

    /** One company under a new symbol: {@code from → to}, classified as the record covering it says. */
    public record Rename(SymbolChange from, SymbolChange to, Kind kind, Optional<ChangeRecord> record, String basis) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("old", from.symbol());
            m.put("new", to.symbol());
            m.put("old_name", from.security());
            m.put("new_name", to.security());
            m.put("basis", basis);
            m.put("classification", kind.wireName());
            putRecord(m, record);
            return m;
        }

        /** As every view shows it: {@code SATS → ECHO}. */
        public String arrow() {
            return from.symbol() + " → " + to.symbol();
        }
    }

    private final List<Entry> added;
    private final List<Entry> removed;
    private final List<Rename> renames;

    private ChangeAnalysis(List<Entry> added, List<Entry> removed, List<Rename> renames) {
        this.added = List.copyOf(added);
        this.removed = List.copyOf(removed);
        this.renames = List.copyOf(renames);
    }

    /** Added symbols that are not one side of a rename. */
    public List<Entry> added() {
        return added;
    }

    /** Removed symbols that are not one side of a rename. */
    public List<Entry> removed() {
        return removed;
    }

    public List<Rename> renames() {
        return renames;
    }

    /** Symbols replaced, a rename counted once: renames + max(other additions, other removals). */
    public int replaced() {
        return renames.size() + Math.max(added.size(), removed.size());
    }

    /**
     * Classifies a diff.
     *
     * @param addedSymbols   symbols added, with names
     * @param removedSymbols symbols removed, with names
     * @param changes        the source's change records, newest first (empty when it states none)
     * @param day            the run's day
     */
    public static ChangeAnalysis of(List<SymbolChange> addedSymbols, List<SymbolChange> removedSymbols,
                                    List<ChangeRecord> changes, LocalDate day) {
        List<SymbolChange> add = new ArrayList<>(addedSymbols);
        List<SymbolChange> rem = new ArrayList<>(removedSymbols);
        List<Rename> renames = new ArrayList<>();
        // A record with both sides naming a removed and an added symbol of the same company.
        for (ChangeRecord r : changes) {
            if (r.addedSymbol().isEmpty() || r.removedSymbol().isEmpty()) {
                continue;
            }
            Optional<SymbolChange> a = find(add, r.addedSymbol().get());
            Optional<SymbolChange> d = find(rem, r.removedSymbol().get());
            if (a.isPresent() && d.isPresent() && sameCompany(r.addedName().orElse(a.get().security()),
                    r.removedName().orElse(d.get().security()))) {
                add.remove(a.get());
                rem.remove(d.get());
                renames.add(new Rename(d.get(), a.get(), kindOf(r, day), Optional.of(r), "change record"));
            }
        }
        // Normalised names that match, one to one.
        Map<String, List<SymbolChange>> addedByName = new HashMap<>();
        for (SymbolChange a : add) {
            addedByName.computeIfAbsent(Enrichment.normaliseName(a.security()), k -> new ArrayList<>()).add(a);
        }
        for (SymbolChange d : List.copyOf(rem)) {
            String name = Enrichment.normaliseName(d.security());
            List<SymbolChange> same = addedByName.getOrDefault(name, List.of());
            if (name.isEmpty() || same.size() != 1 || rem.stream().filter(
                    o -> Enrichment.normaliseName(o.security()).equals(name)).count() != 1) {
                continue;
            }
            SymbolChange a = same.get(0);
            add.remove(a);
            rem.remove(d);
            Optional<ChangeRecord> r = newest(changes, a.symbol(), true);
            Kind kind = r.map(x -> kindOf(x, day)).orElse(Kind.UNEXPLAINED);
            renames.add(new Rename(d, a, kind, r, "same company name"));
        }
        renames.sort(java.util.Comparator.comparing(x -> x.from().symbol()));
        List<Entry> addedEntries = new ArrayList<>();
        for (SymbolChange a : add) {
            Optional<ChangeRecord> r = newest(changes, a.symbol(), true);
            addedEntries.add(new Entry(a, r.map(x -> kindOf(x, day)).orElse(Kind.UNEXPLAINED), r));
        }
        List<Entry> removedEntries = new ArrayList<>();
        for (SymbolChange d : rem) {
            Optional<ChangeRecord> r = newest(changes, d.symbol(), false);
            removedEntries.add(new Entry(d, r.map(x -> kindOf(x, day)).orElse(Kind.UNEXPLAINED), r));
        }
        return new ChangeAnalysis(addedEntries, removedEntries, renames);
    }

    /**
     * The newest record naming {@code symbol} on either side, if it puts it on the side asked for: a
     * symbol added in 2015 and removed in 2020 that reappears now is not explained by the 2015 record.
     */
    private static Optional<ChangeRecord> newest(List<ChangeRecord> changes, String symbol, boolean addedSide) {
        for (ChangeRecord r : changes) {
            boolean isAdded = r.addedSymbol().filter(symbol::equals).isPresent();
            boolean isRemoved = r.removedSymbol().filter(symbol::equals).isPresent();
            if (isAdded || isRemoved) {
                return (addedSide ? isAdded : isRemoved) ? Optional.of(r) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Kind kindOf(ChangeRecord r, LocalDate day) {
        return r.pendingOn(day) ? Kind.PENDING : Kind.EXPLAINED;
    }

    private static Optional<SymbolChange> find(List<SymbolChange> list, String symbol) {
        return list.stream().filter(c -> c.symbol().equals(symbol)).findFirst();
    }

    private static boolean sameCompany(String a, String b) {
        String na = Enrichment.normaliseName(a);
        return !na.isEmpty() && na.equals(Enrichment.normaliseName(b));
    }

    private static void putRecord(Map<String, Object> m, Optional<ChangeRecord> record) {
        record.ifPresent(r -> {
            m.put("effective", r.effective().toString());
            m.put("reason", r.reason());
            m.put("where", r.where());
        });
    }
}
