package com.twsrobot.maintenance.api;

import java.util.Locale;

/**
 * The stable code of a warning or an error: what front ends decide from (never the message's words,
 * which may be reworded). Written in reports as its {@link #wireName()}, e.g. {@code count_change}.
 * A code a reader does not know, and every message of a report written before codes existed, reads
 * as {@link #UNSPECIFIED}; plug-ins that have no fitting code use it too.
 */
public enum NoticeCode {
    /** No code: a plug-in's own message, or a report written before codes existed. */
    UNSPECIFIED,
    /** A market the run's files serve is open now (run warning). */
    MARKET_OPEN,
    /** The exchange calendar runs out soon (run warning). */
    CALENDAR_EXPIRING,
    /** The symbol count changes by more than a threshold. */
    COUNT_CHANGE,
    /** Members replaced (added and removed) above a threshold. */
    CHURN,
    /** A second source disagrees with the page. */
    CONSENSUS,
    /** Removals the page's change table does not explain. */
    CHANGE_RECORDS_UNEXPLAINED,
    /** A removal of a heavy member the change table does not explain. */
    CHANGE_RECORDS_HEAVY,
    /** Company names changed for many kept members. */
    NAME_CHANGE,
    /** Sectors changed for many members. */
    SECTOR_CHANGE,
    /** Values not safe to open in a spreadsheet or browser. */
    TEXT_SAFETY,
    /** Rows without a symbol. */
    BLANK_SYMBOL,
    /** A symbol listed more than once. */
    DUPLICATE_SYMBOL,
    /** Symbols not in the index's format. */
    SYMBOL_FORMAT,
    /** Fewer distinct symbols than the index's minimum. */
    MINIMUM_ROWS,
    /** A required column is missing. */
    REQUIRED_COLUMNS,
    /** The source gave no records. */
    NO_SOURCE_RECORDS,
    /** A validator itself failed. */
    VALIDATOR_FAILED,
    /** The content (by its own date) is older than {@code stale_after_days}. */
    CONTENT_STALE,
    /** A file was last refreshed longer ago than {@code stale_after_days}. */
    FILE_STALE,
    /** A file does not exist yet (it will be created), or is missing. */
    FILE_MISSING,
    /** A file cannot be read. */
    FILE_UNREADABLE,
    /** A file could not be written (or would be written outside the data directory); nothing changed. */
    WRITE_FAILED,
    /** The proposal failed validation; nothing was written. */
    VALIDATION_FAILED,
    /** A source (an index page, an events provider, a second opinion) could not be read. */
    SOURCE_FAILED,
    /** A saved plan could not be applied (missing, altered, too old, stale, or failed when previewed). */
    PLAN_REFUSED,
    /** A preview's plan could not be saved. */
    PLAN_NOT_SAVED,
    /** A backup to restore is missing or unreadable. */
    BACKUP_REFUSED,
    /** Another run or refresh holds a lock; nothing ran. */
    LOCK_HELD,
    /** A task failed unexpectedly. */
    TASK_FAILED,
    /** Something the task needs is not configured (e.g. no market-events service). */
    NOT_CONFIGURED,
    /** A run-wide fact an operator should know (a directory created, leftovers removed, a run interrupted). */
    RUN_NOTE;

    /**
     * The code as written in reports.
     *
     * @return its lower-case name, e.g. {@code count_change}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The code of a wire name; an unknown one is {@link #UNSPECIFIED}, so reports of later versions load.
     *
     * @param name e.g. {@code churn}
     * @return the code
     */
    public static NoticeCode fromWireName(String name) {
        for (NoticeCode code : values()) {
            if (code.wireName().equals(name)) {
                return code;
            }
        }
        return UNSPECIFIED;
    }
}
