package com.twsrobot.maintenance.core.io;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ContentCheck;
import com.twsrobot.maintenance.api.FileWrite;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one safe way a data file is replaced, for the constituent tasks and for plug-in tasks (through
 * {@link TaskContext#replaceFile}): stage beside the file and read back, check what was read back,
 * back up the current version, record the replace in the run's report, move into place atomically,
 * tell the cache invalidators, prune old backups. Anything failing before the move leaves the file as
 * it was and is an {@link IOException} saying why; what fails after it is a warning.
 */
public final class FileReplacer {

    private final AtomicFileWriter writer;
    private final List<CacheInvalidator> invalidators;
    private final int keepBackups;
    private final long maxFileBytes;

    /**
     * @param writer       stages, syncs and moves files
     * @param invalidators told after each replace, in order
     * @param keepBackups  newest backups kept per file
     * @param maxFileBytes the largest current file or backup read (max_file_mib)
     */
    public FileReplacer(AtomicFileWriter writer, List<CacheInvalidator> invalidators, int keepBackups, long maxFileBytes) {
        this.writer = writer;
        this.invalidators = List.copyOf(invalidators);
        this.keepBackups = keepBackups;
        this.maxFileBytes = maxFileBytes;
    }

    /** See {@link TaskContext#replaceFile}; {@code context} gives the data dir, dry-run flag, report and clock. */
    public FileWrite replace(TaskContext context, String changeKey, String fileName, byte[] content, ContentCheck check)
            throws IOException {
        Path dataDir = context.dataDir().toAbsolutePath().normalize();
        Path file = dataDir.resolve(fileName).normalize();
        if (!dataDir.equals(file.getParent())) {
            throw new IOException("refusing to write " + file + ": file names must stay inside the data dir " + dataDir);
        }
        // A data file that is a symbolic link is written through to its target; the link stays a link.
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Optional<byte[]> current = Files.exists(target) ? Optional.of(readCapped(target)) : Optional.empty();
        String previous = current.map(Sha256::hex).orElse("");
        String next = Sha256.hex(content);
        if (context.dryRun() || current.filter(c -> Arrays.equals(c, content)).isPresent()) {
            requireNoProblems(fileName, check.problems(content.clone()));
            return new FileWrite(target, previous, next, false, null, null, List.of(), List.of(), List.of());
        }
        BackupStore backups = new BackupStore(dataDir, writer);
        List<String> warnings = new ArrayList<>();
        Path backup = null;
        try (StagedFile staged = writer.stage(target, content)) {
            byte[] readBack = OwnFiles.read(staged.path(), content.length, "staged copy");
            if (!Arrays.equals(readBack, content)) {
                throw new IOException("the staged copy of " + fileName + " did not read back as written; " + fileName
                        + " was left unchanged");
            }
            requireNoProblems(fileName, check.problems(readBack));
            if (current.isPresent()) {
                backup = backups.backup(target, fileName, current.get(), context.reportId());
            }
            try {
                context.recordReplace(target, previous, next);
            } catch (IOException e) {
                throw new IOException("refusing to replace " + file + ": the run's report could not record the change ("
                        + describe(e) + "); the file was left unchanged", e);
            }
            staged.commit();
            if (!staged.durable()) {
                warnings.add(file + " was replaced but its directory could not be synced to disk; a power loss now "
                        + "could bring back the previous version");
            }
        }
        context.progress(changeKey + (current.isPresent() ? ": replaced " : ": created ") + file);
        List<FileWrite.Invalidation> invalidations = invalidate(new CacheInvalidator.Change(changeKey,
                file.toAbsolutePath().toString(), next, context.reportId(), context.clock().instant()), warnings);
        List<Path> pruned = List.of();
        try {
            pruned = backups.prune(fileName, keepBackups, BackupStore.idFor(context.reportId()));
        } catch (IOException e) {
            warnings.add("old backups of " + fileName + " could not be pruned: " + describe(e));
        }
        return new FileWrite(target, previous, next, true, backup == null ? null : backup.getParent().getFileName().toString(),
                backup, invalidations, pruned, warnings);
    }

    /** See {@link TaskContext#restoreFile}. */
    public FileWrite restore(TaskContext context, String changeKey, String fileName, String backupId, ContentCheck check)
            throws IOException {
        Backup backup = backups(context.dataDir(), fileName).stream()
                .filter(b -> b.id().equals(backupId) || backupId.equals("latest")).findFirst()
                .orElseThrow(() -> new IOException("no backup '" + backupId + "' of " + fileName
                        + " (list them with: backups --task ...); nothing restored"));
        return replace(context, changeKey, fileName, BackupStore.read(backup, maxFileBytes), check);
    }

    /** Backups of a data-dir file, newest first. */
    public List<Backup> backups(Path dataDir, String fileName) {
        return new BackupStore(dataDir, writer).list(fileName);
    }

    /** Tells every invalidator; a failure is a warning: the file stays replaced. */
    private List<FileWrite.Invalidation> invalidate(CacheInvalidator.Change change, List<String> warnings) {
        List<FileWrite.Invalidation> outcomes = new ArrayList<>();
        for (CacheInvalidator invalidator : invalidators) {
            try {
                invalidator.invalidate(change);
                outcomes.add(new FileWrite.Invalidation(invalidator.name(), true, null));
            } catch (Exception e) {
                outcomes.add(new FileWrite.Invalidation(invalidator.name(), false, describe(e)));
                warnings.add("cache invalidator " + invalidator.name() + " failed for " + change.index() + ": "
                        + describe(e) + "; the file was replaced, restart the screener to reload it");
            }
        }
        return outcomes;
    }

    /** The current data file (through its link, if it is one: the documented write-through), capped. */
    private byte[] readCapped(Path target) throws IOException {
        long size = Files.size(target);
        if (size > maxFileBytes) {
            throw new IOException(target + " is " + size + " bytes, larger than the " + maxFileBytes
                    + "-byte cap (max_file_mib); it was left unchanged");
        }
        try (java.io.InputStream in = Files.newInputStream(target)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new IOException(target + " grew past the " + maxFileBytes + "-byte cap (max_file_mib) while it "
                        + "was read; it was left unchanged");
            }
            return bytes;
        }
    }

    private static void requireNoProblems(String fileName, List<String> problems) throws IOException {
        if (!problems.isEmpty()) {
            throw new IOException(fileName + " was left unchanged: " + String.join("; ", problems));
        }
    }

    private static String describe(Exception e) {
        return CauseFormatter.describe(e);
    }
}
