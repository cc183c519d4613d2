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
}
