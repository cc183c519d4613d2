package com.twsrobot.maintenance.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the sources state beside a fetched list, for the validators that judge whether a change is real:
 * the dated change records, the page's own member weights and each second source's weights.
 *
 * @param day         the day of the run (a change record effective after it is pending)
 * @param changes     the change records the source states, newest first; empty when it states none
 * @param pageWeights symbol → weight in percent as the page states it (the HSI article); empty when none
 * @param fundWeights second source key (a holdings file's, {@link MembershipSource#key()}) → symbol → weight in percent, for
 *                    every configured holdings file that was read, whatever its age
 */
public record SourceFacts(LocalDate day, List<ChangeRecord> changes, Map<String, Double> pageWeights,
                          Map<String, Map<String, Double>> fundWeights) {

    /**
     * Copies the lists and maps.
     *
     * @param day         the day of the run
     * @param changes     the change records
     * @param pageWeights the page's weights
     * @param fundWeights each second source's weights
     */
    public SourceFacts {
        Objects.requireNonNull(day, "day");
        changes = List.copyOf(changes);
        pageWeights = Map.copyOf(pageWeights);
        fundWeights = Map.copyOf(fundWeights);
    }

    /**
     * Whether any weight at all is known.
     *
     * @return true when the page or a second source states weights
     */
    public boolean hasWeights() {
        return !pageWeights.isEmpty() || fundWeights.values().stream().anyMatch(m -> !m.isEmpty());
    }
}
