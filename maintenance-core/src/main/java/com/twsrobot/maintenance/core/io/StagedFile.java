package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * New content for a file, written and fsynced next to it but not yet in place. {@link #commit()}
 * renames it over the target atomically; {@link #close()} removes it if it was never committed.
 */
public final class StagedFile implements AutoCloseable {

    private final Path temp;
    private final Path target;
    private final FaultHook hook;
    private boolean committed;
    private boolean durable;

    private final boolean syncDirectory;

    StagedFile(Path temp, Path target, FaultHook hook, boolean syncDirectory) {
        this.syncDirectory = syncDirectory;
        this.temp = temp;
        this.target = target;
        this.hook = hook;
    }

    /** The temp file, for reading back and validating before commit. */
    public Path path() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /**
     * Atomically replaces the target with the staged content, then fsyncs the directory so the rename
     * survives a power loss. Once the rename is done the replace has happened: a failing directory
     * sync after it only makes {@link #durable()} false.
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        hook.before("rename", target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
        committed = true;
        try {
            hook.before("directory-fsync", target);
            if (syncDirectory) {
                AtomicFileWriter.fsyncDirectory(target.toAbsolutePath().getParent());
            }
            durable = true;
        } catch (IOException | RuntimeException e) {
            // The rename has happened: report the replace as done, only not yet durable.
            durable = false;
        }
    }

    /**
     * Puts the staged content in place only if the target does not exist (a hard link, which the OS
     * refuses atomically when the name is taken), then removes the temp name.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the target exists; nothing is replaced
     */
    void commitAsNew() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        hook.before("rename", target);
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (UnsupportedOperationException noLinks) {
            if (Files.exists(target)) {
                throw new java.nio.file.FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        try {
            if (syncDirectory) {
                AtomicFileWriter.fsyncDirectory(target.toAbsolutePath().getParent());
            }
            durable = true;
        } catch (IOException e) {
            durable = false;
        }
    }

    /** Whether the directory entry of a committed file was synced to disk. */
    public boolean durable() {
        return durable;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove temp file " + temp, e);
            }
        }
    }
}
