package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API tokens file: labels, plain or hashed tokens, owner-only permissions, clear refusals. */
class ApiTokensTest {

    private static final String TOKEN = "flask-host-token-0123456789abcdef";

    @TempDir
    Path dir;

    private Path file(String text, String perms) throws Exception {
        Path f = dir.resolve("api-tokens");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void plainAndHashedTokensNameTheirLabelAndNothingElseMatches() throws Exception {
        ApiTokens tokens = ApiTokens.load(file("# who may drive the console\nflask-host " + TOKEN + "\n\n"
                + "ci.bot sha256:" + sha256("ci-bot-token-0123456789").toUpperCase() + "\n", "rw-------"));
        assertThat(tokens.labels()).containsExactly("flask-host", "ci.bot");
        assertThat(tokens.labelOf(TOKEN)).hasValue("flask-host");
        assertThat(tokens.labelOf("ci-bot-token-0123456789")).hasValue("ci.bot");
        assertThat(tokens.labelOf(TOKEN + "x")).isEmpty();
        assertThat(tokens.labelOf("")).isEmpty();
        assertThat(tokens.labelOf(null)).isEmpty();
        assertThat(tokens.toString()).doesNotContain(TOKEN).doesNotContain(sha256(TOKEN));
        assertThat(ApiTokens.none().labelOf(TOKEN)).isEmpty();
        assertThat(ApiTokens.of(Map.of("host", TOKEN)).labelOf(TOKEN)).hasValue("host");
    }

    @Test
    void aFileOthersMayReadIsRefusedNamingTheFix() throws Exception {
        Path f = file("flask-host " + TOKEN + "\n", "rw-r--r--");
        assertThatThrownBy(() -> ApiTokens.load(f)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--------"));
        assertThat(ApiTokens.load(f).labels()).containsExactly("flask-host");
    }

    @Test
    void malformedLinesAreRefusedNamingTheLine() throws Exception {
        assertThatThrownBy(() -> ApiTokens.load(file("flask-host\n", "rw-------")))
                .hasMessageContaining("line 1").hasMessageContaining("LABEL TOKEN");
        assertThatThrownBy(() -> ApiTokens.load(file("# c\nflask-host short\n", "rw-------")))
                .hasMessageContaining("line 2").hasMessageContaining("at least 16");
        assertThatThrownBy(() -> ApiTokens.load(file("-bad " + TOKEN + "\n", "rw-------")))
                .hasMessageContaining("line 1").hasMessageContaining("label '-bad'");
        assertThatThrownBy(() -> ApiTokens.load(file("a sha256:abc\n", "rw-------")))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiTokens.load(file("a " + TOKEN + "\na other-token-0123456789\n", "rw-------")))
                .hasMessageContaining("'a' is given twice");
        assertThatThrownBy(() -> ApiTokens.load(file("a " + TOKEN + "\nb sha256:" + sha256(TOKEN) + "\n", "rw-------")))
                .hasMessageContaining("'a' and 'b' have the same token");
        assertThatThrownBy(() -> ApiTokens.load(file("# nothing\n", "rw-------"))).hasMessageContaining("has no API token");
        assertThatThrownBy(() -> ApiTokens.load(dir.resolve("missing"))).hasMessageContaining("cannot read");
        Path big = file("#" + "x".repeat(ApiTokens.MAX_FILE_BYTES) + "\n", "rw-------");
        assertThatThrownBy(() -> ApiTokens.load(big)).hasMessageContaining("larger than 65536 bytes");
        Files.write(big, new byte[]{'a', ' ', (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> ApiTokens.load(big)).hasMessageContaining("not UTF-8");
    }
}
