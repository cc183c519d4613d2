package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Removes temp files a crashed run left behind (only names the atomic writer makes). Call it under the run lock. */
public final class TempFileSweeper {

    private TempFileSweeper() {
    }

    /** Deletes leftover {@code .<name>.<uuid>.tmp} files below each directory; returns what was removed. */
    public static List<Path> sweep(List<Path> dirs) throws IOException {
        return sweep(dirs, null);
    }

    /**
     * Like {@link #sweep(List)}, only for temp files last modified at least {@code minAge} ago: in a
     * directory that runs without the lock also write to (reports: dry runs), a young temp file may
     * belong to a run that is still writing it. Ages are measured on {@code clock} (the runner's).
     */
    public static List<Path> sweep(List<Path> dirs, java.time.Duration minAge, java.time.Clock clock) throws IOException {
        return sweep(dirs, java.nio.file.attribute.FileTime.from(clock.instant().minus(minAge)));
    }

    /** Removes the temp files modified at or before {@code cutoff}; null for every one. */
    private static List<Path> sweep(List<Path> dirs, java.nio.file.attribute.FileTime cutoff) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) { // the data or reports directory: the operator's, it may be a link
                continue;
            }
            // Not Files.walk: other runs write (and remove) files here meanwhile, and a file gone between
            // the listing and its attributes must be skipped, not end the sweep. Linked folders are not
            // entered, and a temp-named link is not ours (its attributes are the link's own).
            Files.walkFileTree(dir, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 4,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path p,
                                java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
                            if (attributes.isRegularFile()
                                    && AtomicFileWriter.TEMP_NAME.matcher(p.getFileName().toString()).matches()
                                    && (cutoff == null || attributes.lastModifiedTime().compareTo(cutoff) <= 0)
                                    && Files.deleteIfExists(p)) {
                                removed.add(p);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                            if (e instanceof java.nio.file.NoSuchFileException) {
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
        }
        return removed;
    }
}
