package com.twsrobot.maintenance.sources;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A page table read by header text rather than position: the first row with header cells names the
 * columns, and every later row with data cells is a record. Cell text drops footnote marks,
 * interlanguage marks and styles, and turns non-breaking spaces into plain ones.
 */
public record HtmlTable(Element element, List<String> headers, List<List<Element>> rows) {

    /**
     * Every table on the page that has a header row, in page order. Stops with an unchecked
     * {@link ParseInterrupted} when the thread is interrupted (its source's deadline passed).
     */
    public static List<HtmlTable> all(Document doc) {
        List<HtmlTable> tables = new ArrayList<>();
        for (Element table : doc.getElementsByTag("table")) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ParseInterrupted();
            }
            of(table).ifPresent(tables::add);
        }
        return tables;
    }

    /** Thrown when parsing stops because its thread was interrupted. */
    public static final class ParseInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseInterrupted() {
            this("parsing was stopped: the source's deadline passed");
        }

        ParseInterrupted(String message) {
            super(message);
        }
    }

    public static java.util.Optional<HtmlTable> of(Element table) {
        List<String> headers = null;
        List<List<Element>> rows = new ArrayList<>();
        // Only the table's own rows (directly or in thead/tbody/tfoot), so nested tables cost nothing
        // here: a page of deeply nested tables is read in linear time.
        for (Element tr : ownRows(table)) {
            List<Element> cells = new ArrayList<>();
            boolean hasHeader = false;
            boolean hasData = false;
            for (Element child : tr.children()) {
                if (child.tagName().equals("th")) {
                    cells.add(child);
                    hasHeader = true;
                } else if (child.tagName().equals("td")) {
                    cells.add(child);
                    hasData = true;
                }
            }
            if (headers == null) {
                if (hasHeader) {
                    headers = new ArrayList<>();
                    for (Element cell : cells) {
                        headers.add(normaliseHeader(text(cell)));
                    }
                }
                continue;
            }
            if (hasData) {
                rows.add(cells);
            }
        }
        return headers == null ? java.util.Optional.empty() : java.util.Optional.of(new HtmlTable(table, headers, rows));
    }

    static List<Element> ownRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.tagName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> {
                    for (Element tr : child.children()) {
                        if (tr.tagName().equals("tr")) {
                            rows.add(tr);
                        }
                    }
                }
                default -> {
                    // captions, colgroups: not rows
                }
            }
        }
        return rows;
    }

    /**
     * A header as matching compares it: lower case, one space between words (non-breaking spaces too),
     * footnote and other marks ({@code [1]}, {@code [a]}, {@code *}, {@code †}) gone.
     */
    public static String normaliseHeader(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\[[^\\]]*\\]", "").replaceAll("[*†‡§¹²³]", "")
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Index of the first header that {@code test} accepts, or -1. */
    public int column(Predicate<String> test) {
        return column(headers, test);
    }

    /** Index of the first of {@code headers} that {@code test} accepts, or -1 (for every kind of table read here). */
    static int column(List<String> headers, Predicate<String> test) {
        for (int i = 0; i < headers.size(); i++) {
            if (test.test(headers.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The cleaned text of a row's cell, or "" where the row is short. */
    public static String cell(List<Element> row, int column) {
        return column >= 0 && column < row.size() ? text(row.get(column)) : "";
    }

    /**
     * What a cell's text leaves out. Parsed once: jsoup parses a selector string on every call, and for
     * every cell of a 500-row table that parsing was a fifth of a warm run.
     */
    private static final Evaluator NOISE = QueryParser.parse("sup.reference, .ilh-comment, style, .mw-ref, .noprint, "
            + ".sortkey, .reference");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A cell's visible text without footnotes ({@code [3]}, {@code [a]}), interlanguage marks or styles. */
    public static String text(Element cell) {
        Elements noise = cell.select(NOISE);
        String text;
        if (noise.isEmpty()) {
            text = cell.text(); // nothing to leave out: no copy needed
        } else {
            Element copy = cell.clone();
            copy.select(NOISE).remove();
            text = copy.text();
        }
        return SPACES.matcher(text.replace('\u00A0', ' ')).replaceAll(" ").trim();
    }
}
