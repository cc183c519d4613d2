package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.Optional;

/**
 * The detail of an index's constituent refresh (a preview, an apply, an apply of a saved plan, a
 * rollback), as the report writes it under {@code detail}. Null where the run did not get that far
 * or the value does not apply.
 *
 * @param file                 the constituent file
 * @param enrichedRows         rows whose empty fields were filled from the current file
 * @param proposedRows         rows the source proposed
 * @param secondOpinion        each configured second source compared with the proposal
 * @param changedRows          for kept symbols, each changed field
 * @param changeClassification the additions and removals judged against the page's change table
 * @param renames              removals and additions recognised as one company renamed
 * @param content              the content's own date
 * @param contentSha256        the checksum of the version this content makes
 * @param changed              whether the proposal differs from the file
 * @param planId               the report whose plan this is (a preview's own id, or the plan applied)
 * @param planSha256           the checksum of the plan a preview saved
 * @param restoredBackup       the backup a rollback restores
 * @param message              a one-line note
 * @param written              whether the file was replaced or created
 * @param sha256               the checksum of the file written
 * @param backup               the path of the backup of the replaced file
 * @param backupId             that backup's id
 * @param cachesInvalidated    the cache invalidators that answered
 * @param cacheInvalidation    how each invalidator answered
 * @param prunedBackups        backups removed beyond {@code keep_backups}
 * @param writtenThroughLink   the target, when the file was a link written through
 * @param cause                the exception behind a failure
 */
public record ConstituentDetail(String file, Integer enrichedRows, Integer proposedRows, List<SecondOpinion> secondOpinion,
                                List<TableDiff.FieldChange> changedRows, ChangeClassification changeClassification,
                                List<Rename> renames, ContentInfo content, String contentSha256, Boolean changed,
                                String planId, String planSha256, String restoredBackup, String message, Boolean written,
                                String sha256, String backup, String backupId, List<String> cachesInvalidated,
                                List<TaskDetail.CacheOutcome> cacheInvalidation, List<String> prunedBackups,
                                String writtenThroughLink, TaskDetail.Cause cause) implements TaskDetail {

    /**
     * Copies the lists; an absent one stays null (the report did not state it, and a rewrite writes it
     * absent again, never as an empty list).
     *
     * @param file                 see the record
     * @param enrichedRows         see the record
     * @param proposedRows         see the record
     * @param secondOpinion        see the record
     * @param changedRows          see the record
     * @param changeClassification see the record
     * @param renames              see the record
     * @param content              see the record
     * @param contentSha256        see the record
     * @param changed              see the record
     * @param planId               see the record
     * @param planSha256           see the record
     * @param restoredBackup       see the record
     * @param message              see the record
     * @param written              see the record
     * @param sha256               see the record
     * @param backup               see the record
     * @param backupId             see the record
     * @param cachesInvalidated    see the record
     * @param cacheInvalidation    see the record
     * @param prunedBackups        see the record
     * @param writtenThroughLink   see the record
     * @param cause                see the record
     */
    public ConstituentDetail {
        secondOpinion = secondOpinion == null ? null : List.copyOf(secondOpinion);
        changedRows = changedRows == null ? null : List.copyOf(changedRows);
        renames = renames == null ? null : List.copyOf(renames);
        cachesInvalidated = cachesInvalidated == null ? null : List.copyOf(cachesInvalidated);
        cacheInvalidation = cacheInvalidation == null ? null : List.copyOf(cacheInvalidation);
        prunedBackups = prunedBackups == null ? null : List.copyOf(prunedBackups);
    }

    @Override
    public Optional<ConstituentDetail> asConstituent() {
        return Optional.of(this);
    }

    /**
     * A second source compared with the proposal ({@code detail.second_opinion}).
     *
     * @param source       the source's key
     * @param asOf         the date its list is as of ("" when unknown)
     * @param status       {@code agrees}, {@code note}, {@code warning}, {@code fails} or {@code skipped}
     * @param reason       why it was skipped, or null
     * @param onlyOnPage   members the page lists and the source does not
     * @param onlyInSource members the source lists and the page does not
     */
    public record SecondOpinion(String source, String asOf, String status, String reason, List<Member> onlyOnPage,
                                List<Member> onlyInSource) {
        /**
         * Copies the lists; an absent one stays null (written absent again).
         *
         * @param source       see the record
         * @param asOf         see the record
         * @param status       see the record
         * @param reason       see the record
         * @param onlyOnPage   see the record
         * @param onlyInSource see the record
         */
        public SecondOpinion {
            onlyOnPage = onlyOnPage == null ? null : List.copyOf(onlyOnPage);
            onlyInSource = onlyInSource == null ? null : List.copyOf(onlyInSource);
        }
    }

    /**
     * A member named in a comparison.
     *
     * @param symbol the symbol
     * @param name   the company's name
     */
    public record Member(String symbol, String name) {
    }

    /**
     * The additions and removals judged against the page's change table ({@code detail.change_classification}).
     *
     * @param judged   whether the source states change records (false: nothing was judged)
     * @param added    each addition's judgement
     * @param removed  each removal's judgement
     * @param replaced how many members were replaced
     */
    public record ChangeClassification(Boolean judged, List<Classified> added, List<Classified> removed, Integer replaced) {
        /**
         * Copies the lists; an absent one stays null (written absent again).
         *
         * @param judged   see the record
         * @param added    see the record
         * @param removed  see the record
         * @param replaced see the record
         */
        public ChangeClassification {
            added = added == null ? null : List.copyOf(added);
            removed = removed == null ? null : List.copyOf(removed);
        }
    }

    /**
     * One addition or removal judged.
     *
     * @param symbol         the symbol
     * @param name           the company's name
     * @param classification {@code explained}, {@code pending} or {@code unexplained}
     * @param effective      the change record's effective date, or null
     * @param reason         the change record's reason, or null
     * @param where          where the change record is, or null
     */
    public record Classified(String symbol, String name, String classification, String effective, String reason,
                             String where) {
    }

    /**
     * A removal and an addition recognised as one company renamed ({@code detail.renames}).
     *
     * @param oldSymbol      the symbol removed ({@code old})
     * @param newSymbol      the symbol added ({@code new})
     * @param oldName        the name before
     * @param newName        the name after
     * @param basis          why it is taken for a rename
     * @param classification its judgement against the change table
     * @param effective      the change record's effective date, or null
     * @param reason         the change record's reason, or null
     * @param where          where the change record is, or null
     */
    public record Rename(String oldSymbol, String newSymbol, String oldName, String newName, String basis,
                         String classification, String effective, String reason, String where) {
    }

    /**
     * The content's own date as recorded ({@code detail.content}).
     *
     * @param asOf    when the content is as of (ISO-8601), or null when unknown
     * @param basis   what the date was read from
     * @param origin  {@code live}, {@code file} or {@code snapshot}
     * @param ageDays whole days from {@code asOf} to the run, or null
     */
    public record ContentInfo(String asOf, String basis, String origin, Long ageDays) {
    }
}
