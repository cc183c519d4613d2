package com.twsrobot.maintenance.core.csv;

/**
 * How a CSV file is spelled, so a rewrite changes only what really changed.
 *
 * @param lineSeparator     {@code \n} or {@code \r\n}
 * @param quoteAll          every field quoted (else only where needed)
 * @param byteOrderMark     the file starts with a UTF-8 BOM
 * @param trailingNewline   the last line ends with a line separator
 */
public record CsvDialect(String lineSeparator, boolean quoteAll, boolean byteOrderMark, boolean trailingNewline) {

    /** What a new file gets: LF, minimal quoting, no BOM, a final newline. */
    public static final CsvDialect DEFAULT = new CsvDialect("\n", false, false, true);

    /** Reads the dialect off a file's text. */
    public static CsvDialect detect(String text) {
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        int firstNewline = body.indexOf('\n');
        String separator = firstNewline > 0 && body.charAt(firstNewline - 1) == '\r' ? "\r\n" : "\n";
        boolean quoteAll = body.startsWith("\"");
        boolean trailing = body.isEmpty() || body.endsWith("\n");
        return new CsvDialect(separator, quoteAll, bom, trailing);
    }
}
