package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * The detail of the validation of the local constituent files ({@code validate_metadata}).
 *
 * @param files each file checked
 */
public record LocalFilesDetail(List<LocalFile> files) implements TaskDetail {

    /**
     * Copies the list; absent stays null (the report did not state it).
     *
     * @param files see the record
     */
    public LocalFilesDetail {
        files = files == null ? null : List.copyOf(files);
    }

    /**
     * One file checked.
     *
     * @param index      the index key
     * @param file       the file
     * @param rows       its symbols, or null when it could not be read
     * @param validation its validation status
     */
    public record LocalFile(String index, String file, Integer rows, String validation) {
    }
}
