package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.core.csv.CsvCodec;
import com.twsrobot.maintenance.core.csv.CsvDialect;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A constituent CSV as read from disk: its table, its dialect and its exact bytes. */
public record ConstituentFile(ConstituentTable table, CsvDialect dialect, byte[] bytes) {

    /** The default cap on a constituent file's size (64 MiB; the real files are about 50 KB). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Reads and parses {@code file} (at most {@link #DEFAULT_MAX_BYTES}); a missing column is left for validation. */
    public static ConstituentFile read(Path file) throws IOException, CsvFormatException {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads and parses {@code file}, refusing one larger than {@code maxBytes} or not a regular file
     * (a pipe or device could block or never end) with a message naming it.
     */
    public static ConstituentFile read(Path file, long maxBytes) throws IOException, CsvFormatException {
        if (!Files.isRegularFile(file)) {
            throw new CsvFormatException(file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new CsvFormatException(file + " is " + size + " bytes, larger than the " + maxBytes
                    + "-byte cap (max_file_mib)");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    public static ConstituentFile parse(byte[] bytes, String where) throws CsvFormatException {
        CsvTable csv = CsvCodec.read(bytes, where);
        List<String> header = csv.header();
        List<ConstituentRow> rows = new ArrayList<>(csv.records().size());
        for (List<String> record : csv.records()) {
            Map<String, String> extras = new LinkedHashMap<>();
            Map<String, String> known = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                if (ConstituentTable.canonicalColumns(true).contains(column)) {
                    known.putIfAbsent(column, record.get(i));
                } else {
                    extras.put(column, record.get(i));
                }
            }
            rows.add(new ConstituentRow(known.get(ConstituentTable.SYMBOL), known.get(ConstituentTable.DISPLAY_SYMBOL),
                    known.get(ConstituentTable.SECURITY), known.get(ConstituentTable.SECTOR),
                    known.get(ConstituentTable.SUB_INDUSTRY), extras));
        }
        return new ConstituentFile(new ConstituentTable(header, rows), csv.dialect(), bytes);
    }

    /** The table's columns and rows, spelled in {@code dialect}. */
    public static byte[] encode(ConstituentTable table, CsvDialect dialect) {
        List<List<String>> records = new ArrayList<>(table.rowCount());
        for (ConstituentRow row : table.rows()) {
            List<String> record = new ArrayList<>(table.columns().size());
            for (String column : table.columns()) {
                record.add(row.value(column));
            }
            records.add(record);
        }
        return CsvCodec.write(table.columns(), records, dialect);
    }
}
