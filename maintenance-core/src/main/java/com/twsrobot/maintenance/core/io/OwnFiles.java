package com.twsrobot.maintenance.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The library's own files and folders (lock, backups, reports, plans, temp files, markers, schedule
 * state) are never reached through a symbolic link, and every read of one has a size cap. A link
 * planted where one of them belongs is refused with a message naming it and where it points, so a
 * run can never write, truncate or delete a file outside the data and reports directories. The data
 * and reports directories themselves are the operator's choice and may be links; what we create
 * below them may not.
 */
public final class OwnFiles {

    private OwnFiles() {
    }

    /** Refuses {@code path} when it is a symbolic link; a missing path is fine. */
    public static void refuseLink(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw linkRefused(path);
        }
    }

    /**
     * The folder {@code base/below...}, creating each missing level; every level below {@code base} must
     * be a real directory, not a link (nor a file).
     */
    public static Path directory(Path base, String... below) throws IOException {
        Path dir = base;
        if (!Files.isDirectory(base)) {
            Files.createDirectories(base);
        }
        for (String name : below) {
            dir = dir.resolve(name);
            try {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException exists) {
                // checked just below
            }
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                throw linkRefused(dir);
            }
            if (!attributes.isDirectory()) {
                throw new IOException("refusing to use " + dir.toAbsolutePath() + ": the library keeps a folder there, "
                        + "but it is not a directory; move it away");
            }
        }
        return dir;
    }

    /** Whether {@code dir} exists as a real directory (not a link to one). */
    public static boolean isRealDirectory(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code file} exists as a regular file (not a link to one). */
    public static boolean isRealFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The bytes of {@code file}, opened without following a link and refused past {@code maxBytes}
     * without reading further (so a huge or endless file cannot exhaust memory).
     *
     * @param what names the kind of file and its cap for the message, e.g. {@code "plan (4 × max_file_mib)"}
     * @throws NoSuchFileException when it does not exist
     * @throws IOException         naming the file and the cap (or the link) otherwise
     */
    public static byte[] read(Path file, long maxBytes, String what) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw linkRefused(file);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("refusing to read " + file.toAbsolutePath() + ": it is not a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, attributes.size(), maxBytes, what);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) { // it grew after the size was read
                throw tooLarge(file, bytes.length, maxBytes, what);
            }
            return bytes;
        } catch (FileSystemLoopException e) {
            throw linkRefused(file); // became a link after the check
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw linkRefused(file);
            }
            throw e;
        }
    }

    /** {@link #read} as UTF-8 text. */
    public static String readString(Path file, long maxBytes, String what) throws IOException {
        return new String(read(file, maxBytes, what), StandardCharsets.UTF_8);
    }

    /** The refusal for a link where one of our files belongs: names the path and where the link points. */
    public static IOException linkRefused(Path path) {
        String target;
        try {
            target = String.valueOf(Files.readSymbolicLink(path));
        } catch (IOException | UnsupportedOperationException e) {
            target = "an unreadable target";
        }
        return new IOException("refusing to use " + path.toAbsolutePath() + ": it is a symbolic link to " + target
                + "; the library never reaches its own files through a link (remove the link and run again)");
    }

    private static IOException tooLarge(Path file, long size, long maxBytes, String what) {
        return new IOException("refusing to read " + file.toAbsolutePath() + ": it is " + size + " bytes, larger than the "
                + maxBytes + "-byte cap for a " + what);
    }
}
