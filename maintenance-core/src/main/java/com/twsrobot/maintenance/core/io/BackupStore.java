package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Copies a file about to be replaced to {@code <data>/backups/constituents/YYYYMMDD_HHMMSS/<file>}. */
public final class BackupStore {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;

    public BackupStore(Path dataDir) {
        this.root = dataDir.resolve("backups").resolve("constituents");
    }

    public Path root() {
        return root;
    }

    /**
     * Copies {@code file} into a folder named for {@code now} (UTC), with a {@code _2}, {@code _3} ...
     * suffix if that folder already holds a file of that name. The copy is fsynced before this returns,
     * so it is durable before the original is replaced.
     */
    public Path backup(Path file, Instant now) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String stamp = STAMP.format(now);
        Path dir = root.resolve(stamp);
        for (int n = 2; Files.exists(dir.resolve(file.getFileName())); n++) {
            dir = root.resolve(stamp + "_" + n);
        }
        Path target = dir.resolve(file.getFileName());
        AtomicFileWriter.write(target, content);
        return target;
    }
}
