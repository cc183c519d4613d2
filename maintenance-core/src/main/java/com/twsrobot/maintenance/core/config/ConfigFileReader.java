package com.twsrobot.maintenance.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a Java properties file entry by entry, keeping the line each starts on: the file is cut into
 * logical lines (comments, blank lines and backslash continuations as {@link Properties} defines them),
 * and each is parsed by {@link Properties#load(java.io.Reader)} itself, so keys, separators and escapes
 * mean exactly what they always meant. A key given twice is a problem, not a silent override.
 */
public final class ConfigFileReader {

    /** An entry of the file. */
    public record Entry(String key, String value, int line) {
    }

    /** The entries, in file order, and what was wrong with the file's form. */
    public record Read(List<Entry> entries, List<ConfigProblem> problems) {
    }

    private ConfigFileReader() {
    }

    /**
     * The file's entries.
     *
     * @param maxBytes the largest file read; a larger one is refused without reading it whole
     * @throws IOException when the file cannot be read, is larger than {@code maxBytes} or is not UTF-8
     */
    public static Read read(Path file, long maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) { // a few dozen settings; anything larger is not a config file
            throw new IOException("larger than the " + maxBytes + "-byte cap for a config file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text");
        }
        return parse(text);
    }

    /** The entries of a properties text. */
    static Read parse(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Entry> entries = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int i = 0;
        while (i < lines.length) {
            int start = i;
            String first = lines[i].stripLeading();
            i++;
            if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
                continue; // a comment never continues onto the next line
            }
            StringBuilder logical = new StringBuilder(lines[start]);
            while (continues(lines[i - 1]) && i < lines.length) {
                logical.append('\n').append(lines[i]);
                i++;
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IllegalArgumentException | IOException e) { // Properties' own report of a malformed \\uXXXX
                problems.add(new ConfigProblem(start + 1, "", "", "cannot read this entry: " + e.getMessage()));
                continue;
            }
            for (String key : one.stringPropertyNames()) {
                String value = one.getProperty(key).trim();
                Integer seen = firstLine.putIfAbsent(key, start + 1);
                if (seen != null) {
                    problems.add(new ConfigProblem(start + 1, key, value, key + " is set twice, on line " + seen
                            + " and line " + (start + 1) + "; keep one"));
                } else {
                    entries.add(new Entry(key, value, start + 1));
                }
            }
        }
        return new Read(List.copyOf(entries), List.copyOf(problems));
    }

    /** Whether a line ends in an odd number of backslashes (the last one escapes the line end). */
    private static boolean continues(String line) {
        int n = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
