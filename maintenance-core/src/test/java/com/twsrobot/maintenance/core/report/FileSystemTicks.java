package com.twsrobot.maintenance.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the file system's clock to move past a directory's modification time. Many kernels and
 * file systems keep coarse times (a scheduler tick of a few ms, on some a second or two), so a file
 * written without the index right after an indexed change can leave the directory's time as the index
 * recorded it, and the index then finds it only at its next check ({@link ReportIndex#CHECK_EVERY}).
 * A test of "a file changed without the index is found" waits for the next tick first, as another
 * process writing later would be in it, so it tests the directory-time path on every file system
 * (the same-tick case is {@code ReportIndexProcessesTest}'s, through the check interval).
 */
public final class FileSystemTicks {

    /** Only a broken clock takes this long: the coarsest common granularity is 2 s. */
    private static final long BOUND_SECONDS = 30;

    private FileSystemTicks() {
    }

    /**
     * Returns once a file written now gets a modification time later than {@code dir}'s; probes with a
     * scratch file beside {@code dir} (same file system), never inside it.
     */
    public static void waitPast(Path dir) throws IOException, InterruptedException {
        FileTime last = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
        Path probe = Files.createTempFile(dir.toAbsolutePath().getParent(), ".tick-", ".probe");
        try {
            long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (true) {
                Files.write(probe, new byte[] {1});
                if (Files.getLastModifiedTime(probe).compareTo(last) > 0) {
                    return;
                }
                if (System.nanoTime() > bound) {
                    throw new AssertionError("the file system's clock did not pass " + last + " within "
                            + BOUND_SECONDS + " s");
                }
                Thread.sleep(1);
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
