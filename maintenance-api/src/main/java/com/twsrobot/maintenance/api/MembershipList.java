package com.twsrobot.maintenance.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The members a second source lists.
 *
 * @param source   its key, e.g. {@code ftse100-fund-holdings}
 * @param url      where it was read
 * @param asOf     the date the file says it is as of; empty when it gives none
 * @param members  symbol (in the index's normal form, e.g. {@code BRK-B}) → name as the source spells it
 * @param noData   the source answered but had no list for that date ("no data", never "zero members")
 * @param weights  symbol → the member's weight in percent, as the file states it (IVV {@code Weight (%)},
 *                 SPY {@code Weight}); empty when it states none
 */
public record MembershipList(String source, String url, Optional<LocalDate> asOf, Map<String, String> members,
                             boolean noData, Map<String, Double> weights) {

    /**
     * Sorts and copies the members.
     *
     * @param source  its key
     * @param url     where it was read
     * @param asOf    the date it is as of, if it says
     * @param members symbol → name
     * @param noData  whether it had no list for that date
     * @param weights symbol → weight in percent
     */
    public MembershipList {
        members = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(members));
        weights = Map.copyOf(weights);
    }

    /**
     * A list without weights.
     *
     * @param source  its key
     * @param url     where it was read
     * @param asOf    the date it is as of, if it says
     * @param members symbol → name
     * @param noData  whether it had no list for that date
     */
    public MembershipList(String source, String url, Optional<LocalDate> asOf, Map<String, String> members,
                          boolean noData) {
        this(source, url, asOf, members, noData, Map.of());
    }
}
