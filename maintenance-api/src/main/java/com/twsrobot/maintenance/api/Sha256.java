package com.twsrobot.maintenance.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: plan base hashes, event payload hashes, test fingerprints. */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * The SHA-256 of some bytes.
     *
     * @param bytes the content
     * @return 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The SHA-256 of a file's content, streamed: the file is never held in memory whole, whatever its size.
     *
     * @param file the file (followed if it is a link)
     * @return 64 lower-case hex digits
     * @throws java.io.IOException when it cannot be read
     */
    public static String hexOf(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
