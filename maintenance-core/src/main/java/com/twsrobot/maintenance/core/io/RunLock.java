package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The OS-level lock ({@code data/.maintenance.lock}) every writing run holds, so two processes or
 * threads never write at once. It never waits: a second run is refused with the holder's pid, host,
 * tasks and start time. The OS drops the lock when its holder dies; the file left behind alone never
 * blocks anyone.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE_NAME = ".maintenance.lock";
    /** A holder's line is short; more than this is not a lock file we wrote. */
    private static final long MAX_HOLDER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another run holds the lock; the message names it. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String holder;

        HeldException(Path file, String holder) {
            super("another maintenance run holds " + file + ": " + holder);
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }
    }

    /** Takes the lock or fails at once; {@code what} (e.g. the task names) is recorded for others to read. */
    public static RunLock acquire(Path dataDir, String what, Instant now) throws IOException, HeldException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        // Never through a link: the lock file is truncated, and a link would empty whatever it points to.
        OwnFiles.refuseLink(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw OwnFiles.linkRefused(file); // planted between the check and the open
            }
            throw e;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || hardLinks(file) > 1) {
            channel.close();
            throw new IOException("refusing to use " + file.toAbsolutePath() + " as the run lock: it is not a regular file "
                    + "of its own (a lock file with other hard links would empty them on release); remove it");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another thread of this JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new HeldException(file, readHolder(file));
        }
        String holder = "pid " + ProcessHandle.current().pid() + " on " + hostName() + ", " + what + ", since " + now;
        byte[] text = (holder + "\n").getBytes(StandardCharsets.UTF_8);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.truncate(text.length);
        channel.force(true);
        return new RunLock(channel, lock);
    }

    /**
     * The holder's name. A holder clears it on release, so an empty file means the new holder has the
     * lock but has not written its name yet: wait a moment for it rather than report nobody.
     */
    private static String readHolder(Path file) {
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                String text = OwnFiles.readString(file, MAX_HOLDER_BYTES, "run lock").trim();
                if (!text.isEmpty()) {
                    return text;
                }
                Thread.sleep(10);
            }
            return "holder unknown (it has not written its name yet)";
        } catch (IOException e) {
            return "holder unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "holder unknown (interrupted while reading it)";
        }
    }

    /** How many names the file has; 1 where the file system does not say. */
    private static int hardLinks(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0); // so the next refused run never reads a finished holder's name
            lock.release();
        } finally {
            channel.close();
        }
    }
}
