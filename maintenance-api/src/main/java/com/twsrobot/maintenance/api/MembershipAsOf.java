package com.twsrobot.maintenance.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An index's members on a past date, reconstructed from the list its source gives now and the source's
 * dated changes ({@link ChangeRecord}): every change effective after that date undone, newest first. A
 * change that cannot be undone — its added symbol is not on the list, its removed symbol already is —
 * is listed, not guessed around.
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

    /**
     * Sorts and copies.
     *
     * @param index      the index key
     * @param asOf       the date asked for
     * @param source     where it was read
     * @param content    the content date
     * @param members    symbol → name
     * @param undone     the changes undone
     * @param notApplied the changes not undone
     */
    public MembershipAsOf {
        members = java.util.Collections.unmodifiableMap(new TreeMap<>(members));
        undone = List.copyOf(undone);
        notApplied = List.copyOf(notApplied);
    }
}
