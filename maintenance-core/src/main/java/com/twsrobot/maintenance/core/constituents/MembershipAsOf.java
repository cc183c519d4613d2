package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ContentDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An index's members on a past date, reconstructed from the current list and the source's dated
 * changes: every change effective after that date is undone, newest first (its added symbol taken out,
 * its removed symbol put back under the name the record gives). A change that cannot be undone — its
 * added symbol is not on the list, its removed symbol already is — is listed, not guessed around.
 *
 * @param index      the index key
 * @param asOf       the date asked for
 * @param source     where the current list and the changes were read
 * @param content    the content date of what was read
 * @param members    symbol → company name on {@code asOf}, sorted by symbol
 * @param undone     the changes undone, newest first, each as {@code 2025-03-24: +EXE -CE (reason)}
 * @param notApplied the changes that could not be undone, each with why
 */
public record MembershipAsOf(String index, LocalDate asOf, String source, ContentDate content,
                             Map<String, String> members, List<String> undone, List<String> notApplied) {

    public MembershipAsOf {
        members = java.util.Collections.unmodifiableMap(new TreeMap<>(members));
        undone = List.copyOf(undone);
        notApplied = List.copyOf(notApplied);
    }

    /**
     * Undoes the changes effective after {@code date}.
     *
     * @param current the list as the source gives it now
     * @param changes its dated changes, newest first
     * @param date    the day asked for
     */
    public static MembershipAsOf reconstruct(String index, String source, ContentDate content, ConstituentTable current,
                                             List<ChangeRecord> changes, LocalDate date) {
        Map<String, String> members = new LinkedHashMap<>();
        for (ConstituentRow row : current.rows()) {
            members.putIfAbsent(row.symbol(), row.security());
        }
        List<String> undone = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        for (ChangeRecord r : changes) {
            if (!r.effective().isAfter(date)) {
                continue;
            }
            String what = describe(r);
            List<String> problems = new ArrayList<>();
            r.addedSymbol().filter(s -> !members.containsKey(s))
                    .ifPresent(s -> problems.add("added symbol " + s + " is not on the list"));
            r.removedSymbol().filter(members::containsKey)
                    .ifPresent(s -> problems.add("removed symbol " + s + " is already on the list"));
            if (!problems.isEmpty()) {
                notApplied.add(what + ": " + String.join("; ", problems) + " (" + r.where() + ")");
                continue;
            }
            r.addedSymbol().ifPresent(members::remove);
            r.removedSymbol().ifPresent(s -> members.put(s, r.removedName().orElse("")));
            undone.add(what);
        }
        return new MembershipAsOf(index, date, source, content, members, undone, notApplied);
    }

    private static String describe(ChangeRecord r) {
        StringBuilder s = new StringBuilder(r.effective().toString()).append(':');
        r.addedSymbol().ifPresent(a -> s.append(" +").append(a));
        r.removedSymbol().ifPresent(d -> s.append(" -").append(d));
        if (!r.reason().isBlank()) {
            s.append(" (").append(r.reason()).append(')');
        }
        return s.toString();
    }
}
