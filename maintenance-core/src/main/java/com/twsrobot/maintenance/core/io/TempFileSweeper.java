package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Removes temp files a crashed run left behind (only names the atomic writer makes). Call it under the run lock. */
public final class TempFileSweeper {

    private TempFileSweeper() {
    }

    /** Deletes leftover {@code .<name>.<uuid>.tmp} files below each directory; returns what was removed. */
    public static List<Path> sweep(List<Path> dirs) throws IOException {
        return sweep(dirs, java.time.Duration.ZERO);
    }

    /**
     * Like {@link #sweep(List)}, only for temp files last modified at least {@code minAge} ago: in a
     * directory that runs without the lock also write to (reports: dry runs), a young temp file may
     * belong to a run that is still writing it.
     */
    public static List<Path> sweep(List<Path> dirs, java.time.Duration minAge) throws IOException {
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(minAge));
        List<Path> removed = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) { // the data or reports directory: the operator's, it may be a link
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 4)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    // Files.walk does not enter linked folders; a temp-named link is not ours either.
                    if (OwnFiles.isRealFile(p) && AtomicFileWriter.TEMP_NAME.matcher(p.getFileName().toString()).matches()
                            && Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) <= 0) {
                        Files.deleteIfExists(p);
                        removed.add(p);
                    }
                }
            }
        }
        return removed;
    }
}
