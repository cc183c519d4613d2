package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokens file of {@link ApiTokens#load}: one {@code LABEL TOKEN} or {@code LABEL sha256:HEX} per
 * line, {@code #} comments, readable by its owner only, at most {@link ApiTokens#MAX_FILE_BYTES}.
 */
final class ApiTokensFile {

    private static final String SHA256 = "sha256:";
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private ApiTokensFile() {
    }

    /** The file's tokens, in its order; a {@link ConfigurationException} names the file and line of a mistake. */
    static List<ApiTokens.Entry> entries(Path file) {
        String text = read(file);
        List<ApiTokens.Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw new ConfigurationException(where + ": expected 'LABEL TOKEN' or 'LABEL sha256:HEX', got "
                        + fields.length + " field(s)");
            }
            String label = ApiTokens.checkLabel(fields[0], where + ": the label");
            byte[] digest;
            if (fields[1].startsWith(SHA256)) {
                String hex = fields[1].substring(SHA256.length());
                if (!HEX_DIGEST.matcher(hex).matches()) {
                    throw new ConfigurationException(where + ": sha256: must be followed by 64 hex digits "
                            + "(printf %s TOKEN | sha256sum)");
                }
                digest = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            } else {
                digest = ApiTokens.digest(ApiTokens.checkToken(fields[1], where + ": the token"));
            }
            entries.add(new ApiTokens.Entry(label, digest));
        }
        if (entries.isEmpty()) {
            throw new ConfigurationException(file + " has no API token (one 'LABEL TOKEN' per line)");
        }
        return entries;
    }

    private static String read(Path file) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    throw new ConfigurationException("the API tokens file " + file + " may be read or changed by others ("
                            + PosixFilePermissions.toString(perms) + "): chmod 600 " + file);
                }
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(ApiTokens.MAX_FILE_BYTES + 1);
            }
            if (bytes.length > ApiTokens.MAX_FILE_BYTES) {
                throw new ConfigurationException("the API tokens file " + file + " is larger than " + ApiTokens.MAX_FILE_BYTES
                        + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("the API tokens file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the API tokens file " + file + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
    }
}
