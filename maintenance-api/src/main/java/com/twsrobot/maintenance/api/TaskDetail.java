package com.twsrobot.maintenance.api;

import java.util.Optional;

/**
 * What a task's {@code detail} says, as a type: one record per kind of task the library ships
 * ({@link ConstituentDetail} for an index's constituent refresh, {@link EventSyncDetail} for the
 * market-events sync, {@link FileWriteDetail} for a plug-in's file written through
 * {@link TaskContext#replaceFile}, {@link LocalFilesDetail} for the local-files validation) and
 * {@link PluginDetail}, the open extension holding any other plug-in's facts as a map.
 * Values the report did not state are null (a kind that has no such fact keeps the default, null).
 * Front ends choose a view with the {@code as…} methods.
 */
public sealed interface TaskDetail permits ConstituentDetail, EventSyncDetail, FileWriteDetail, LocalFilesDetail,
        PluginDetail {

    /**
     * The task's one-line note (e.g. "no change: … already holds these rows"), if it gave one.
     *
     * @return the note, or null
     */
    default String message() {
        return null;
    }

    /**
     * Whether the task found (in a dry run) or made a change, if it says.
     *
     * @return true or false, or null when it does not say
     */
    default Boolean changed() {
        return null;
    }

    /**
     * Whether the task replaced or created a file.
     *
     * @return true when it wrote, null when it does not say
     */
    default Boolean written() {
        return null;
    }

    /**
     * The file the task is about, if one.
     *
     * @return its path, or null
     */
    default String file() {
        return null;
    }

    /**
     * The backup of the file the task replaced, if it replaced one.
     *
     * @return the backup's path, or null
     */
    default String backup() {
        return null;
    }

    /**
     * The id of the backup of the file the task replaced, if it replaced one.
     *
     * @return the backup id, or null
     */
    default String backupId() {
        return null;
    }

    /**
     * This detail as a constituent refresh's.
     *
     * @return it, or empty for another kind
     */
    default Optional<ConstituentDetail> asConstituent() {
        return Optional.empty();
    }

    /**
     * This detail as a market-events sync's.
     *
     * @return it, or empty for another kind
     */
    default Optional<EventSyncDetail> asEventSync() {
        return Optional.empty();
    }

    /**
     * This detail as an open plug-in's.
     *
     * @return it, or empty for another kind
     */
    default Optional<PluginDetail> asPlugin() {
        return Optional.empty();
    }

    /**
     * The exception behind a failure ({@code detail.cause}).
     *
     * @param type    its class name (for debugging, never shown as the message)
     * @param message its message
     */
    record Cause(String type, String message) {
    }

    /**
     * How one cache invalidator answered after a replace ({@code detail.cache_invalidation}).
     *
     * @param invalidator its name
     * @param outcome     {@code ok} or {@code failed}
     * @param message     why it failed, or null
     */
    record CacheOutcome(String invalidator, String outcome, String message) {
    }
}
