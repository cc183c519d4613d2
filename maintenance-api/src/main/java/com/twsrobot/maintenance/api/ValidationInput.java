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
 * @param secondOpinions other sources' member lists that are usable for this run (fresh enough, with data)
 * @param facts          what the sources state beside a freshly fetched list (change records, weights);
 *                       empty for a saved plan, a rollback or a check of a file on disk
 */
public record ValidationInput(IndexSpec spec, ConstituentTable proposed, Optional<ConstituentTable> current,
                              ValidationPolicy policy, int recordsParsed, java.util.List<MembershipList> secondOpinions,
                              Optional<SourceFacts> facts) {

    /**
     * An input without source facts.
     *
     * @param spec           the index
     * @param proposed       the table that would be written
     * @param current        the file being replaced, if there is one
     * @param policy         the thresholds in force
     * @param recordsParsed  how many source records the proposal came from
     * @param secondOpinions other sources' member lists
     */
    public ValidationInput(IndexSpec spec, ConstituentTable proposed, Optional<ConstituentTable> current,
                           ValidationPolicy policy, int recordsParsed, java.util.List<MembershipList> secondOpinions) {
        this(spec, proposed, current, policy, recordsParsed, secondOpinions, Optional.empty());
    }

    /**
     * An input without second opinions.
     *
     * @param spec          the index
     * @param proposed      the table that would be written
     * @param current       the file being replaced, if there is one
     * @param policy        the thresholds in force
     * @param recordsParsed how many source records the proposal came from
     */
    public ValidationInput(IndexSpec spec, ConstituentTable proposed, Optional<ConstituentTable> current,
                           ValidationPolicy policy, int recordsParsed) {
        this(spec, proposed, current, policy, recordsParsed, java.util.List.of(), Optional.empty());
    }

    /**
     * Copies the second opinions (null for none).
     *
     * @param spec           the index
     * @param proposed       the table that would be written
     * @param current        the file being replaced, if there is one
     * @param policy         the thresholds in force
     * @param recordsParsed  how many source records the proposal came from
     * @param secondOpinions other sources' member lists
     * @param facts          what the sources state beside the list, if fetched
     */
    public ValidationInput {
        secondOpinions = secondOpinions == null ? java.util.List.of() : java.util.List.copyOf(secondOpinions);
        facts = facts == null ? Optional.empty() : facts;
    }
}
