package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console's API tokens: credentials a program sends as {@code Authorization: Bearer <token>}, each
 * with a label that the reports of the runs it starts carry ({@code "trigger": "api:<label>"}). A browser
 * never sends a bearer token by itself, so a POST with one needs no CSRF token. Only SHA-256 digests
 * are kept; a presented token is hashed and compared with every digest in constant time.
 *
 * <p>The tokens file ({@code serve --api-tokens FILE}) has one {@code LABEL TOKEN} per line, where TOKEN
 * is the token itself (16+ characters, no spaces) or {@code sha256:} and its 64-hex-digit SHA-256
 * digest; {@code #} starts a comment. The file must be readable by its owner only (mode 600 or 400).
 */
public final class ApiTokens {

    /** Labels name a program in reports: a letter or digit, then letters, digits, {@code _ . -}; at most 64. */
    public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** The shortest token accepted. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** The largest tokens file read. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    /** One token: its label and the SHA-256 digest of the token. */
    record Entry(String label, byte[] digest) {
    }

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No API tokens: programs cannot post without the page's CSRF token. */
    public static ApiTokens none() {
        return new ApiTokens(List.of());
    }

    /**
     * Tokens given by a host's code, by label.
     *
     * @throws ConfigurationException for a bad label, a short token or one token under two labels
     */
    public static ApiTokens of(Map<String, String> tokensByLabel) {
        List<Entry> entries = new ArrayList<>();
        tokensByLabel.forEach((label, token) -> entries.add(new Entry(checkLabel(label, "API token label"),
                digest(checkToken(token, "API token '" + label + "'")))));
        return checked(entries, "API tokens");
    }

    /**
     * Reads a tokens file (see the class comment).
     *
     * @throws ConfigurationException naming the file (and line) when it cannot be read, is readable by
     *                                others, is larger than {@link #MAX_FILE_BYTES}, or a line is malformed
     */
    public static ApiTokens load(Path file) {
        return checked(ApiTokensFile.entries(file), file.toString());
    }

    /** The label of the token presented, or empty when it is none of these. Constant time in the token. */
    public Optional<String> labelOf(String presented) {
        if (presented == null || entries.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented);
        String found = null;
        for (Entry e : entries) { // every digest is compared, so the time does not say which one matched
            if (MessageDigest.isEqual(candidate, e.digest) && found == null) {
                found = e.label;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any token is configured. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The labels, in the file's order. */
    public List<String> labels() {
        return entries.stream().map(Entry::label).toList();
    }

    @Override
    public String toString() {
        return "ApiTokens" + labels(); // never the digests
    }

    private static ApiTokens checked(List<Entry> entries, String where) {
        Set<String> labels = new HashSet<>();
        Map<String, String> digests = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!labels.add(e.label)) {
                throw new ConfigurationException(where + ": the label '" + e.label + "' is given twice");
            }
            String other = digests.putIfAbsent(HexFormat.of().formatHex(e.digest), e.label);
            if (other != null) {
                throw new ConfigurationException(where + ": '" + other + "' and '" + e.label + "' have the same token; "
                        + "each program needs its own, so its reports name it");
            }
        }
        return new ApiTokens(entries);
    }

    static String checkLabel(String label, String what) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new ConfigurationException(what + " '" + label + "' must be a letter or digit then letters, digits, "
                    + "_ . - (at most 64)");
        }
        return label;
    }

    static String checkToken(String token, String what) {
        if (token == null || token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigurationException(what + " must be one word of at least " + MIN_TOKEN_LENGTH + " characters "
                    + "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(32))')");
        }
        return token;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
