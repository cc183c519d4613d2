package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a source fetched.
 *
 * @param source         where the rows came from (the URL actually used)
 * @param table          the proposed rows, as listed (duplicates kept for validation to judge)
 * @param recordsParsed  how many source records were read
 * @param warnings       anything odd the source noticed but could live with
 * @param changes        the dated changes the source states beside its list (e.g. the S&amp;P 500 article's
 *                       "Selected changes" table), newest first; empty when it states none
 * @param weights        each member's weight in the index, in percent, as the source states it (the HSI
 *                       article's {@code Weighting (%)}); empty when it states none
 * @param content        when the content was current and where it came from
 */
public record SourceResult(String source, ConstituentTable table, int recordsParsed, List<String> warnings,
                           List<ChangeRecord> changes, Map<String, Double> weights, ContentDate content) {

    /**
     * Copies the lists and the weights.
     *
     * @param source        where the rows came from
     * @param table         the proposed rows
     * @param recordsParsed how many source records were read
     * @param warnings      anything odd the source noticed
     * @param changes       the dated changes it states
     * @param weights       symbol → weight in percent
     * @param content       when the content was current and where it came from
     */
    public SourceResult {
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
        weights = Map.copyOf(weights);
        Objects.requireNonNull(content, "content");
    }

    /**
     * A result without change records or weights, whose content date is unknown (its origin read from
     * {@code source}).
     *
     * @param source        where the rows came from
     * @param table         the proposed rows
     * @param recordsParsed how many source records were read
     * @param warnings      anything odd the source noticed
     */
    public SourceResult(String source, ConstituentTable table, int recordsParsed, List<String> warnings) {
        this(source, table, recordsParsed, warnings, List.of(), Map.of(),
                ContentDate.unknown(ContentDate.Origin.ofUrl(source)));
    }

    /**
     * The same result with these change records.
     *
     * @param newChanges the dated changes
     * @return a copy
     */
    public SourceResult withChanges(List<ChangeRecord> newChanges) {
        return new SourceResult(source, table, recordsParsed, warnings, newChanges, weights, content);
    }

    /**
     * The same result with these weights.
     *
     * @param newWeights symbol → weight in percent
     * @return a copy
     */
    public SourceResult withWeights(Map<String, Double> newWeights) {
        return new SourceResult(source, table, recordsParsed, warnings, changes, newWeights, content);
    }

    /**
     * The same result with this content date.
     *
     * @param newContent when the content was current and where it came from
     * @return a copy
     */
    public SourceResult withContent(ContentDate newContent) {
        return new SourceResult(source, table, recordsParsed, warnings, changes, weights, newContent);
    }
}
