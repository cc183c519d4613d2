package com.twsrobot.maintenance.core.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The only place that knows univocity-parsers (its upstream is unmaintained; replacing it touches
 * this file alone). Reads keep every character as written (no trimming, empty stays empty) and
 * writes reproduce the detected dialect, so read-then-write of an unchanged file gives the same bytes.
 */
public final class CsvCodec {

    private CsvCodec() {
    }

    /** Parses UTF-8 bytes; {@code where} names the file in error messages. */
    public static CsvTable read(byte[] bytes, String where) throws CsvFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(where + " is not valid UTF-8 text");
        }
        CsvDialect dialect = CsvDialect.detect(text);
        String body = dialect.byteOrderMark() ? text.substring(1) : text;
        if (body.isBlank()) {
            throw new CsvFormatException(where + " is empty: no header line");
        }
        List<String[]> rows;
        try {
            rows = parser(dialect).parseAll(new StringReader(body));
        } catch (TextParsingException e) {
            throw new CsvFormatException(where + " is not valid CSV near line " + (e.getLineIndex() + 1)
                    + ": " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(where + " is empty: no header line");
        }
        List<String> header = Arrays.asList(rows.get(0));
        List<List<String>> records = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length == 1 && row[0].isEmpty()) {
                continue; // a blank line carries no record
            }
            if (row.length != header.size()) {
                throw new CsvFormatException(where + " line " + (i + 1) + " has " + row.length + " fields, the header has "
                        + header.size());
            }
            records.add(Arrays.asList(row));
        }
        return new CsvTable(header, records, dialect);
    }

    /** Writes header and records in {@code dialect}, as UTF-8 bytes. */
    public static byte[] write(List<String> header, List<List<String>> records, CsvDialect dialect) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setLineSeparator(dialect.lineSeparator());
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setQuoteAllFields(dialect.quoteAll());
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNullValue("");
        settings.setEmptyValue(dialect.quoteAll() ? "\"\"" : "");
        settings.setQuotationTriggers('\r', '\n');
        settings.setSkipEmptyLines(false);
        StringWriter out = new StringWriter();
        if (dialect.byteOrderMark()) {
            out.write('\uFEFF');
        }
        CsvWriter writer = new CsvWriter(out, settings);
        writer.writeRow(header.toArray(String[]::new));
        for (List<String> record : records) {
            writer.writeRow(record.toArray(String[]::new));
        }
        writer.close();
        String text = out.toString();
        if (!dialect.trailingNewline() && text.endsWith(dialect.lineSeparator())) {
            text = text.substring(0, text.length() - dialect.lineSeparator().length());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CsvParser parser(CsvDialect dialect) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setLineSeparator(dialect.lineSeparator());
        settings.getFormat().setDelimiter(',');
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setIgnoreLeadingWhitespacesInQuotes(false);
        settings.setIgnoreTrailingWhitespacesInQuotes(false);
        settings.setKeepQuotes(false);
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setSkipEmptyLines(false);
        settings.setHeaderExtractionEnabled(false);
        settings.setMaxCharsPerColumn(64 * 1024);
        settings.setMaxColumns(512);
        settings.setLineSeparatorDetectionEnabled(false);
        return new CsvParser(settings);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
