package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * What a source fetched.
 *
 * @param source         where the rows came from (the URL actually used)
 * @param table          the proposed rows, as listed (duplicates kept for validation to judge)
 * @param recordsParsed  how many source records were read
 * @param warnings       anything odd the source noticed but could live with
 */
public record SourceResult(String source, ConstituentTable table, int recordsParsed, List<String> warnings) {

    /**
     * Copies the warnings.
     *
     * @param source        where the rows came from
     * @param table         the proposed rows
     * @param recordsParsed how many source records were read
     * @param warnings      anything odd the source noticed
     */
    public SourceResult {
        warnings = List.copyOf(warnings);
    }
}
