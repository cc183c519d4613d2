package com.twsrobot.maintenance.api;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backed-up version of a constituent file: the file as an apply found it before replacing it. A
 * rollback restores one; {@code diff} and the console compare them.
 *
 * @param id       the backup's id, e.g. {@code 20260624_001500} (the apply's time, {@code _N} for more in a second)
 * @param fileName the file it is a copy of, e.g. {@code ftse100_constituents.csv}
 * @param path     where the copy lies, under {@code data/backups/constituents/}
 * @param takenAt  when it was taken
 * @param size     its size in bytes
 */
public record Backup(String id, String fileName, Path path, Instant takenAt, long size) {
}
