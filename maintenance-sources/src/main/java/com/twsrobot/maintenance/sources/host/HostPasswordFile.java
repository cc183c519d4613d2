package com.twsrobot.maintenance.sources.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads the host user's password from {@code host.password_file}: a regular file readable by its
 * owner only (a file the group or others can read is refused, naming its mode and the fix), at most
 * {@link #MAX_BYTES}, its first line without the line end.
 */
public final class HostPasswordFile {

    /** A password file is one short line; anything larger is not one. */
    static final int MAX_BYTES = 4096;

    private HostPasswordFile() {
    }

    public static String read(Path file) throws HostApiException {
        if (!Files.isRegularFile(file)) {
            throw new HostApiException("host.password_file " + file + (Files.exists(file) ? " is not a regular file"
                    : " does not exist"));
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.GROUP_READ)) {
                throw new HostApiException("host.password_file " + file + " can be read by "
                        + (mode.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group") + " (mode "
                        + PosixFilePermissions.toString(mode) + "); make it readable by its owner only: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the operator's to set
        } catch (IOException e) {
            throw new HostApiException("cannot read the mode of host.password_file " + file + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new HostApiException("cannot read host.password_file " + file + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new HostApiException("host.password_file " + file + " is larger than " + MAX_BYTES
                    + " bytes; it must hold the password on one line");
        }
        String password = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new HostApiException("host.password_file " + file + " is empty; its first line must be the password");
        }
        return password;
    }
}
