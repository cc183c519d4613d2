package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;

/**
 * Every file the library writes goes through here: content goes to a temp file in the target's own
 * directory, is fsynced, takes the existing file's permissions (the old tool's temp files were 0600
 * and the replaced CSV lost its mode), and only then is renamed over the target.
 */
public final class AtomicFileWriter {

    /** Temp files are named {@code .<target>.<random>.tmp} so leftovers are easy to find. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFileWriter() {
    }

    /** Writes {@code content} next to {@code target} without touching the target yet. */
    public static StagedFile stage(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            copyPermissions(target, temp);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new StagedFile(temp, target);
    }

    /** Stages and commits in one step, for files nobody validates in between (reports, backups). */
    public static void write(Path target, byte[] content) throws IOException {
        try (StagedFile staged = stage(target, content)) {
            staged.commit();
        }
    }

    /** Makes a rename in {@code dir} durable; some file systems refuse to open a directory, which is fine. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (FileSystemException | UnsupportedOperationException ignored) {
            // Not every platform lets a directory be opened for sync (Windows); the rename is still atomic.
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || dest == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(from)
                ? source.readAttributes().permissions()
                : Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        dest.setPermissions(permissions);
    }
}
