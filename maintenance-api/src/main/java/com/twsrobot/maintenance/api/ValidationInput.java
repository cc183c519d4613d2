package com.twsrobot.maintenance.api;

import java.util.Optional;

/**
 * What a validator looks at.
 *
 * @param spec           the index
 * @param proposed       the table that would be written (duplicates still in it)
 * @param current        the file being replaced, if there is one
 * @param policy         the thresholds in force
 * @param recordsParsed  how many source records the proposal came from
 */
public record ValidationInput(IndexSpec spec, ConstituentTable proposed, Optional<ConstituentTable> current,
                              ValidationPolicy policy, int recordsParsed) {
}
