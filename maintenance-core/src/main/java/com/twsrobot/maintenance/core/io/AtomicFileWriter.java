package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every file the library writes goes through here: content goes to a temp file in the target's own
 * directory, is fsynced, takes the existing file's permissions (the old tool's temp files were 0600
 * and the replaced CSV lost its mode), and only then is renamed over the target.
 */
public final class AtomicFileWriter {

    /** The writer without fault injection. */
    public static final AtomicFileWriter DEFAULT = new AtomicFileWriter(FaultHook.NONE);

    /** Temp files are named {@code .<target>.<uuid>.tmp}, so leftovers of a crash are recognisable. */
    public static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    private final FaultHook hook;
    private final boolean durable;

    public AtomicFileWriter(FaultHook hook) {
        this(hook, true);
    }

    private AtomicFileWriter(FaultHook hook, boolean durable) {
        this.hook = hook;
        this.durable = durable;
    }

    /**
     * The same writer without the fsyncs, for what a dry run writes (its report, its plans): still
     * atomic and never half-written, only not forced to disk — a preview lost to a power cut is simply
     * gone (its plan is refused as missing), and a dry run no longer waits for the disk.
     */
    public AtomicFileWriter withoutFsync() {
        return new AtomicFileWriter(hook, false);
    }

    /**
     * Writes {@code content} next to {@code target} without touching the target yet. A target that is a
     * symbolic link is refused: the library's own files are never written through a link (a data file
     * that is a link is resolved by {@link FileReplacer} first, the one documented exception).
     */
    public StagedFile stage(Path target, byte[] content) throws IOException {
        OwnFiles.refuseLink(target);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                hook.before("write", target);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                hook.before("fsync", target);
                if (durable) {
                    channel.force(true);
                }
            }
            hook.before("permissions", target);
            copyPermissions(target, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new StagedFile(temp, target, hook, durable);
    }

    /** Stages and commits in one step, for files nobody validates in between (reports, backups, plans). */
    public void write(Path target, byte[] content) throws IOException {
        try (StagedFile staged = stage(target, content)) {
            staged.commit();
        }
    }

    /**
     * Writes a file that must not exist yet (reports' companions, plans): staged and fsynced like any
     * other, then linked into place only if the name is still free, so nothing is ever replaced.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code target} exists
     */
    public void writeNew(Path target, byte[] content) throws IOException {
        try (StagedFile staged = stage(target, content)) {
            staged.commitAsNew();
        }
    }

    /** Like {@link #write(Path, byte[])}, with the permissions of {@code modeOf} (a backup keeps its original's). */
    public void writeCopy(Path target, byte[] content, Path modeOf) throws IOException {
        try (StagedFile staged = stage(target, content)) {
            copyPermissions(modeOf, staged.path());
            staged.commitAsNew();
        }
    }

    /** Makes a rename in {@code dir} durable; some platforms refuse to open a directory, which is fine. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (FileSystemException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory for sync; the rename is still atomic there.
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (source == null || dest == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)
                ? source.readAttributes().permissions()
                : Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        dest.setPermissions(permissions);
    }
}
