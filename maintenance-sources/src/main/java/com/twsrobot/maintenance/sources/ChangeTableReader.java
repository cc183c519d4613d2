package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ChangeRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a Wikipedia index article's table of dated changes (the S&amp;P 500 article's "Selected changes":
 * Effective Date | Added: Ticker, Security | Removed: Ticker, Security | Reason, a two-row header) into
 * {@link ChangeRecord}s, columns found by header text. A table that cannot be read never costs the member
 * list: what was wrong becomes a warning and the table gives no records. A page without such a table
 * gives no records and no warning (older copies and other articles have none).
 */
public final class ChangeTableReader {

    /** The table's name in {@link ChangeRecord#where()} and in warnings. */
    static final String TABLE_NAME = "Selected changes";

    /** What was read: the records, newest first as the page lists them, and what was wrong. */
    public record Read(List<ChangeRecord> records, List<String> warnings) {
        public Read {
            records = List.copyOf(records);
            warnings = List.copyOf(warnings);
        }
    }

    /** Dates as the article writes them ("June 22, 2026"), and the other ways editors write them. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private final Function<String, Optional<String>> symbol;

    /**
     * @param symbol the index's own ticker rule, the one its members go through (e.g. {@link Sp500Source#symbol})
     */
    public ChangeTableReader(Function<String, Optional<String>> symbol) {
        this.symbol = symbol;
    }

    /** Reads the change table of {@code doc}, read from {@code url}. */
    public Read read(Document doc, String url) {
        Element table = find(doc);
        if (table == null) {
            return new Read(List.of(), List.of());
        }
        return read(SpannedTable.of(table), url);
    }

    /** The table with id {@code changes}, else the first whose header names an effective date and an addition. */
    private static Element find(Document doc) {
        Element byId = doc.getElementById("changes");
        if (byId != null && byId.tagName().equals("table")) {
            return byId;
        }
        for (Element table : doc.getElementsByTag("table")) {
            if (Thread.currentThread().isInterrupted()) {
                throw new HtmlTable.ParseInterrupted();
            }
            Optional<HtmlTable> t = HtmlTable.of(table);
            if (t.isPresent() && t.get().column(h -> h.contains("effective date")) >= 0
                    && t.get().column(h -> h.startsWith("added")) >= 0) {
                return table;
            }
        }
        return null;
    }

    Read read(SpannedTable table, String url) {
        int date = table.column(h -> h.contains("effective date") || h.equals("date"));
        int addedTicker = table.column(h -> h.startsWith("added") && isTicker(h));
        int addedName = table.column(h -> h.startsWith("added") && isName(h));
        int removedTicker = table.column(h -> h.startsWith("removed") && isTicker(h));
        int removedName = table.column(h -> h.startsWith("removed") && isName(h));
        int reason = table.column(h -> h.startsWith("reason"));
        List<String> missing = new ArrayList<>();
        if (date < 0) {
            missing.add("Effective Date");
        }
        if (addedTicker < 0) {
            missing.add("Added Ticker");
        }
        if (removedTicker < 0) {
            missing.add("Removed Ticker");
        }
        String name = "'" + TABLE_NAME + "' table";
        if (!missing.isEmpty()) {
            return new Read(List.of(), List.of(name + " of " + url + " not read: no " + String.join(", ", missing)
                    + " column (headers: " + String.join(" | ", table.headers()) + "); no change records"));
        }
        List<ChangeRecord> records = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = table.rows().get(i);
            String where = url + ", " + TABLE_NAME + ", row " + (i + 1);
            Optional<LocalDate> effective = date(SpannedTable.cell(row, date));
            if (effective.isEmpty()) {
                bad.add("row " + (i + 1) + ": effective date '" + abbreviate(SpannedTable.cell(row, date)) + "' is not a date");
                continue;
            }
            String addedCell = SpannedTable.cell(row, addedTicker);
            String removedCell = SpannedTable.cell(row, removedTicker);
            Optional<String> added = addedCell.isEmpty() ? Optional.empty() : symbol.apply(addedCell);
            Optional<String> removed = removedCell.isEmpty() ? Optional.empty() : symbol.apply(removedCell);
            if ((!addedCell.isEmpty() && added.isEmpty()) || (!removedCell.isEmpty() && removed.isEmpty())) {
                bad.add("row " + (i + 1) + ": ticker '" + abbreviate(added.isEmpty() && !addedCell.isEmpty() ? addedCell : removedCell)
                        + "' is not a valid symbol");
                continue;
            }
            if (added.isEmpty() && removed.isEmpty()) {
                bad.add("row " + (i + 1) + ": neither an added nor a removed ticker");
                continue;
            }
            records.add(new ChangeRecord(effective.get(), added, added.flatMap(a -> text(row, addedName)), removed,
                    removed.flatMap(r -> text(row, removedName)), SpannedTable.cell(row, reason), where));
        }
        List<String> warnings = new ArrayList<>();
        if (!bad.isEmpty()) {
            if (records.isEmpty()) {
                return new Read(List.of(), List.of(name + " of " + url + " not read: no row could be read ("
                        + summary(bad) + "); no change records"));
            }
            warnings.add(name + " of " + url + ": skipped " + bad.size() + " row(s) that could not be read: " + summary(bad));
        }
        return new Read(records, warnings);
    }

    private static boolean isTicker(String header) {
        return header.contains("ticker") || header.contains("symbol");
    }

    private static boolean isName(String header) {
        return header.contains("security") || header.contains("company") || header.contains("name");
    }

    private static Optional<String> text(List<String> row, int column) {
        String s = SpannedTable.cell(row, column);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The effective date as the page writes it; footnote marks are already gone from the cell. */
    static Optional<LocalDate> date(String cell) {
        String s = cell.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException ignored) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    private static String summary(List<String> bad) {
        return String.join("; ", bad.subList(0, Math.min(5, bad.size()))) + (bad.size() > 5 ? "; ..." : "");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
