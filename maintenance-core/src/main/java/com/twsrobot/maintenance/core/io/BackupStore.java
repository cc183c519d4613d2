package com.twsrobot.maintenance.core.io;

import com.twsrobot.maintenance.api.Backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backups of replaced files: {@code <data>/backups/constituents/<id>/<file>}, where the id is that of
 * the apply's report without its prefix: the UTC time, {@code YYYYMMDD_HHMMSS}, with {@code _2},
 * {@code _3} ... when one second holds more runs.
 */
public final class BackupStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** Only ids of this shape are turned into paths. */
    public static final Pattern BACKUP_ID = Pattern.compile("(\\d{8}_\\d{6})(?:_(\\d{1,4}))?");

    private final Path dataDir;
    private final Path root;
    private final AtomicFileWriter writer;

    public BackupStore(Path dataDir, AtomicFileWriter writer) {
        this.dataDir = dataDir;
        this.root = dataDir.resolve("backups").resolve("constituents");
        this.writer = writer;
    }

    public Path root() {
        return root;
    }

    /**
     * The backup id of the apply whose report is {@code reportId}: its time and suffix
     * ({@code maintenance_20260624_001500_2} → {@code 20260624_001500_2}). Report ids are reserved
     * exclusively, so each apply has its own backup id, shared by every file it replaces.
     */
    public static String idFor(String reportId) {
        return reportId.startsWith("maintenance_") ? reportId.substring("maintenance_".length()) : reportId;
    }

    /**
     * Copies {@code file} (saved as {@code fileName}) into the folder of the apply {@code reportId}, with
     * the original's permissions; the copy is fsynced before this returns, so it is durable before the
     * original is replaced. An existing backup is never replaced. {@code backups}, {@code constituents}
     * and the id folder must be real directories: a link among them is refused, so no backup is written
     * outside the data directory.
     */
    public Path backup(Path file, String fileName, byte[] content, String reportId) throws IOException {
        Path target = OwnFiles.directory(dataDir, "backups", "constituents", idFor(reportId)).resolve(fileName);
        writer.writeCopy(target, content, file);
        return target;
    }

    /** Backups of {@code fileName}, newest first. */
    public List<Backup> list(String fileName) {
        List<Backup> out = new ArrayList<>();
        // A backup folder reached through a link is not ours: it is not listed, so never restored from.
        if (!OwnFiles.isRealDirectory(root.getParent()) || !OwnFiles.isRealDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Matcher m = BACKUP_ID.matcher(dir.getFileName().toString());
                Path file = dir.resolve(fileName);
                if (m.matches() && OwnFiles.isRealDirectory(dir) && OwnFiles.isRealFile(file)) {
                    Instant at = STAMP.parse(m.group(1), Instant::from);
                    out.add(new Backup(dir.getFileName().toString(), fileName, file, at, Files.size(file)));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparingLong((Backup b) -> sortKey(b.id())).reversed());
        return out;
    }

    /** The backup of {@code fileName} with this id, or the newest for {@code "latest"}. */
    public Optional<Backup> find(String fileName, String id) {
        List<Backup> all = list(fileName);
        if (id.equals("latest")) {
            return all.stream().findFirst();
        }
        return all.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * Removes all but the newest {@code keep} backups of {@code fileName}; never the newest one, and never
     * {@code protectedId} (the backup the current run just wrote, even when the clock stepped back).
     */
    public List<Path> prune(String fileName, int keep, String protectedId) throws IOException {
        List<Backup> all = list(fileName);
        List<Path> removed = new ArrayList<>();
        for (Backup old : all.subList(Math.min(Math.max(keep, 1), all.size()), all.size())) {
            if (old.id().equals(protectedId)) {
                continue;
            }
            Files.deleteIfExists(old.path());
            removed.add(old.path());
            try (Stream<Path> left = Files.list(old.path().getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(old.path().getParent());
                }
            }
        }
        return removed;
    }

    /** The content of a backup, refused past {@code maxBytes} (the cap on the files it is a copy of). */
    public static byte[] read(Backup backup, long maxBytes) throws IOException {
        return OwnFiles.read(backup.path(), maxBytes, "backup (max_file_mib)");
    }

    /**
     * Whether {@code backup} was taken by a run that started after the one whose report is {@code reportId}.
     * A backup's id is its run's report id, so the ids' order is the runs' order, within one second too
     * (where the times, whole seconds, tie).
     */
    public static boolean takenAfter(Backup backup, String reportId) {
        return sortKey(backup.id()) > sortKey(idFor(reportId));
    }

    /** Time, then suffix ({@code _2} after the bare id, {@code _10} after {@code _9}): a number, not a formatted string. */
    private static long sortKey(String id) {
        Matcher m = BACKUP_ID.matcher(id);
        m.matches();
        long stamp = Long.parseLong(m.group(1).substring(0, 8)) * 1_000_000 + Long.parseLong(m.group(1).substring(9));
        return stamp * 10_000 + (m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
    }
}
