package com.twsrobot.maintenance.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One dated change to an index as its source states it (for example a row of the S&amp;P 500 article's
 * "Selected changes" table): what was added, what was removed, when and why. Either side may be
 * absent (a change that only adds or only removes). A record with both sides is a replacement; the
 * same company on both sides (a ticker change) is a rename.
 *
 * @param effective     the date the change takes effect
 * @param addedSymbol   the symbol added, in the index's normal form (e.g. {@code BRK-B}); empty when none
 * @param addedName     the added company's name as the source spells it; empty when none
 * @param removedSymbol the symbol removed, in the index's normal form; empty when none
 * @param removedName   the removed company's name; empty when none
 * @param reason        the reason the source gives; empty when it gives none
 * @param where         where it was read, for the operator (e.g. the URL and "Selected changes, row 3")
 */
public record ChangeRecord(LocalDate effective, Optional<String> addedSymbol, Optional<String> addedName,
                           Optional<String> removedSymbol, Optional<String> removedName, String reason, String where) {

    /**
     * Checks that something was added or removed.
     *
     * @param effective     the date it takes effect
     * @param addedSymbol   the symbol added, if any
     * @param addedName     the added name, if any
     * @param removedSymbol the symbol removed, if any
     * @param removedName   the removed name, if any
     * @param reason        the stated reason, or empty
     * @param where         where it was read
     */
    public ChangeRecord {
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(addedSymbol, "addedSymbol");
        Objects.requireNonNull(addedName, "addedName");
        Objects.requireNonNull(removedSymbol, "removedSymbol");
        Objects.requireNonNull(removedName, "removedName");
        reason = reason == null ? "" : reason;
        where = where == null ? "" : where;
        if (addedSymbol.isEmpty() && removedSymbol.isEmpty()) {
            throw new IllegalArgumentException("a change record adds or removes a symbol (" + where + ")");
        }
    }

    /**
     * Whether the change has not taken effect on {@code day} yet.
     *
     * @param day the day of the run
     * @return true when {@link #effective()} is after {@code day}
     */
    public boolean pendingOn(LocalDate day) {
        return effective.isAfter(day);
    }
}
