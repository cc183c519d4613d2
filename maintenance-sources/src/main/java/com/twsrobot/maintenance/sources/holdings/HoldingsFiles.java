package com.twsrobot.maintenance.sources.holdings;

import com.twsrobot.maintenance.api.MembershipList;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.sources.Sp500Source;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Readers of the two largest S&amp;P 500 funds' daily holdings files, into member symbols in the index's
 * normal form. What they skip is what is not a member: cash, money-market, collateral and futures
 * lines, unlisted leftovers of a merger, when-issued lines of a spin-off. A file that says it has no
 * data for its date is "no data", never "zero members".
 */
public final class HoldingsFiles {

    /** Share classes the iShares file writes without their dot (the index's symbols carry a hyphen). */
    static final Map<String, String> DOTLESS_SHARE_CLASSES = Map.of("BRKB", "BRK-B", "BFB", "BF-B", "BRKA", "BRK-A",
            "BFA", "BF-A");
    private static final DateTimeFormatter IVV_DATE = DateTimeFormatter.ofPattern("MMM dd, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SPY_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private HoldingsFiles() {
    }

    /**
     * The iShares (IVV) CSV: a byte-order mark, quoted fields, a preamble with {@code Fund Holdings as of},
     * then the {@code Ticker,Name,Sector,Asset Class,…} table; members are its {@code Equity} rows.
     */
    public static MembershipList ivvCsv(byte[] bytes, String key, String url) throws SourceException {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        CsvParserSettings settings = new CsvParserSettings();
        settings.setMaxCharsPerColumn(1 << 20);
        settings.setMaxColumns(64);
        settings.setSkipEmptyLines(true);
        settings.getFormat().setLineSeparator("\n");
        List<String[]> records = new CsvParser(settings).parseAll(new java.io.StringReader(text.replace("\r\n", "\n")));
        Optional<LocalDate> asOf = Optional.empty();
        boolean sawDate = false;
        int header = -1;
        for (int i = 0; i < records.size() && header < 0; i++) {
            String[] r = records.get(i);
            String first = cell(r, 0);
            if (first.equalsIgnoreCase("Fund Holdings as of")) {
                sawDate = true;
                String date = cell(r, 1);
                if (date.equals("-") || date.isEmpty()) {
                    return new MembershipList(key, url, Optional.empty(), Map.of(), true);
                }
                try {
                    asOf = Optional.of(LocalDate.parse(date, IVV_DATE));
                } catch (DateTimeParseException e) {
                    throw new SourceException(url + ": 'Fund Holdings as of' reads '" + date + "', not a date");
                }
            } else if (first.equals("Ticker") && List.of(r).contains("Asset Class")) {
                header = i;
            }
        }
        if (!sawDate || header < 0) {
            throw new SourceException(url + ": not an iShares holdings file (no 'Fund Holdings as of' line and "
                    + "Ticker/Asset Class header)");
        }
        List<String> columns = List.of(records.get(header));
        int ticker = columns.indexOf("Ticker");
        int name = columns.indexOf("Name");
        int assetClass = columns.indexOf("Asset Class");
        int exchange = columns.indexOf("Exchange");
        int weight = columns.indexOf("Weight (%)");
        Map<String, String> members = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String[] r : records.subList(header + 1, records.size())) {
            if (r.length < columns.size() - 1) {
                break; // the disclaimer after the table
            }
            if (!cell(r, assetClass).equals("Equity") || cell(r, exchange).startsWith("NO MARKET")) {
                continue;
            }
            String raw = cell(r, ticker).toUpperCase(Locale.ROOT);
            String symbol = DOTLESS_SHARE_CLASSES.getOrDefault(raw, Sp500Source.symbol(raw).orElse(null));
            if (symbol != null) {
                members.put(symbol, cell(r, name));
                putWeight(weights, symbol, cell(r, weight));
            }
        }
        return new MembershipList(key, url, asOf, members, false, weights);
    }

    /**
     * The SPDR (SPY) xlsx: sheet {@code holdings}, a {@code Holdings:} row with {@code As of 07-Feb-2025},
     * then the {@code Name, Ticker, …} table until a blank row; the cash line has ticker {@code -} and
     * when-issued lines end their name in {@code W/I}.
     */
    public static MembershipList spyXlsx(byte[] bytes, String key, String url) throws SourceException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.findSheet("holdings").orElse(workbook.getFirstSheet());
            try (Stream<Row> stream = sheet.openStream()) {
                stream.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        String text = row.getCellText(c);
                        cells.add(text == null ? "" : text.strip());
                    }
                    rows.add(cells);
                });
            }
        } catch (IOException | RuntimeException e) {
            throw new SourceException(url + ": not a readable xlsx holdings file ("
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e) + ")");
        }
        Optional<LocalDate> asOf = Optional.empty();
        int header = -1;
        for (int i = 0; i < rows.size() && header < 0; i++) {
            List<String> r = rows.get(i);
            String first = r.isEmpty() ? "" : r.get(0);
            if (first.equals("Holdings:") && r.size() > 1) {
                String date = r.get(1).replaceFirst("(?i)^as of\\s*", "");
                if (date.isEmpty() || date.equals("-")) {
                    return new MembershipList(key, url, Optional.empty(), Map.of(), true);
                }
                try {
                    asOf = Optional.of(LocalDate.parse(date, SPY_DATE));
                } catch (DateTimeParseException e) {
                    throw new SourceException(url + ": 'Holdings:' reads '" + r.get(1) + "', not a date");
                }
            } else if (r.contains("Name") && r.contains("Ticker")) {
                header = i;
            }
        }
        if (header < 0) {
            throw new SourceException(url + ": not a SPDR holdings file (no Name/Ticker header row)");
        }
        int name = rows.get(header).indexOf("Name");
        int ticker = rows.get(header).indexOf("Ticker");
        int weight = rows.get(header).indexOf("Weight");
        Map<String, String> members = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (List<String> r : rows.subList(header + 1, rows.size())) {
            String t = ticker < r.size() ? r.get(ticker) : "";
            String n = name < r.size() ? r.get(name) : "";
            if (t.isEmpty() && n.isEmpty()) {
                break; // the blank row before the disclaimer
            }
            if (t.equals("-") || n.toUpperCase(Locale.ROOT).endsWith(" W/I")) {
                continue;
            }
            String w = weight >= 0 && weight < r.size() ? r.get(weight) : "";
            Sp500Source.symbol(t).ifPresent(symbol -> {
                members.put(symbol, n.replace('+', '&'));
                putWeight(weights, symbol, w);
            });
        }
        if (members.isEmpty() && asOf.isEmpty()) {
            return new MembershipList(key, url, Optional.empty(), Map.of(), true);
        }
        return new MembershipList(key, url, asOf, members, false, weights);
    }

    /**
     * A member's weight, when its cell is a number. A member listed twice (two lines of one share class)
     * weighs what both lines weigh together.
     */
    private static void putWeight(Map<String, Double> weights, String symbol, String cell) {
        com.twsrobot.maintenance.sources.Weights.percent(cell).ifPresent(w -> weights.merge(symbol, w, Double::sum));
    }

    private static String cell(String[] record, int i) {
        return i >= 0 && i < record.length && record[i] != null ? record[i].strip() : "";
    }
}
