package com.twsrobot.maintenance.sources;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A table read as the grid a reader sees: {@code rowspan} and {@code colspan} expanded, so a cell that
 * spans four rows is in each of them, and a header of several rows names each column by all its levels
 * ({@code Added} over {@code Ticker} gives {@code added ticker}). {@link HtmlTable} reads a table by its
 * first header row only, which is what the member tables need; this is for tables whose header is built
 * of two rows, like the S&amp;P 500 article's "Selected changes".
 *
 * @param headers each column's normalised header, its levels joined by a space
 * @param rows    each data row's cleaned cell texts, one per column ("" where the row has none)
 */
public record SpannedTable(List<String> headers, List<List<String>> rows) {

    /** Largest span honoured: real tables span a few cells; a huge value would only blow the grid up. */
    static final int MAX_SPAN = 100;
    /** Widest grid read: a real table has a few columns; spans cannot blow the grid up past this. */
    static final int MAX_COLUMNS = 64;

    /**
     * Reads {@code table}: the leading rows made only of header cells are its header, every later row with
     * a data cell a record. Rows are the table's own (nested tables are not read).
     */
    public static SpannedTable of(Element table) {
        List<List<Element>> grid = new ArrayList<>();
        List<Boolean> headerOnly = new ArrayList<>();
        Map<Integer, Pending> carried = new HashMap<>(); // column → a cell spanning down into later rows
        for (Element tr : HtmlTable.ownRows(table)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new HtmlTable.ParseInterrupted();
            }
            List<Element> row = new ArrayList<>();
            boolean anyData = false;
            int col = 0;
            for (Element cell : tr.children()) {
                if (!cell.tagName().equals("th") && !cell.tagName().equals("td")) {
                    continue;
                }
                anyData |= cell.tagName().equals("td");
                col = fillCarried(row, carried, col);
                if (col >= MAX_COLUMNS) {
                    break; // wider than any real table: the rest of the row is not read
                }
                int colspan = span(cell, "colspan");
                int rowspan = span(cell, "rowspan");
                for (int i = 0; i < colspan && col < MAX_COLUMNS; i++) {
                    row.add(cell);
                    if (rowspan > 1) {
                        carried.put(col, new Pending(cell, rowspan - 1));
                    }
                    col++;
                }
            }
            fillCarried(row, carried, col);
            if (!row.isEmpty()) {
                grid.add(row);
                headerOnly.add(!anyData);
            }
        }
        int headerRows = 0;
        while (headerRows < grid.size() && headerOnly.get(headerRows)) {
            headerRows++;
        }
        int width = grid.stream().mapToInt(List::size).max().orElse(0);
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            StringBuilder name = new StringBuilder();
            Element previous = null;
            for (int r = 0; r < headerRows; r++) {
                Element cell = c < grid.get(r).size() ? grid.get(r).get(c) : null;
                if (cell != null && cell != previous) { // a cell spanning header rows counts once
                    String text = HtmlTable.normaliseHeader(HtmlTable.text(cell));
                    if (!text.isEmpty()) {
                        name.append(name.length() == 0 ? "" : " ").append(text);
                    }
                }
                previous = cell;
            }
            headers.add(name.toString());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = headerRows; r < grid.size(); r++) {
            if (headerOnly.get(r)) {
                continue; // a repeated header row inside the body
            }
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                texts.add(c < grid.get(r).size() ? HtmlTable.text(grid.get(r).get(c)) : "");
            }
            rows.add(texts);
        }
        return new SpannedTable(List.copyOf(headers), List.copyOf(rows));
    }

    /** Index of the first header {@code test} accepts, or -1. */
    public int column(Predicate<String> test) {
        return HtmlTable.column(headers, test);
    }

    /** A row's text in {@code column}, or "" when the column is -1. */
    public static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : "";
    }

    private record Pending(Element cell, int rowsLeft) {
    }

    /** Puts cells spanning down from earlier rows into {@code row} from {@code col} on; returns the next free column. */
    private static int fillCarried(List<Element> row, Map<Integer, Pending> carried, int col) {
        while (carried.containsKey(col)) {
            Pending p = carried.get(col);
            row.add(p.cell());
            if (p.rowsLeft() <= 1) {
                carried.remove(col);
            } else {
                carried.put(col, new Pending(p.cell(), p.rowsLeft() - 1));
            }
            col++;
        }
        return col;
    }

    private static int span(Element cell, String attribute) {
        try {
            int n = Integer.parseInt(cell.attr(attribute).trim());
            return Math.max(1, Math.min(MAX_SPAN, n));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
