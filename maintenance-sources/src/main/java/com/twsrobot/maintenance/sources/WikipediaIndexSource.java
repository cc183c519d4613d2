package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.http.Deadline;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An index source reading a Wikipedia article: fetch (or read the bundled snapshot), find the
 * constituents table by its headers and by plausibility, turn each row into a constituent. Rows are
 * returned as listed, duplicates included, for validation to judge.
 */
public abstract class WikipediaIndexSource implements ConstituentSource {

    /** Snapshot pages bundled with the library, as of this date. */
    public static final String SNAPSHOT_DATE = "2026-06-28";

    /** Fewest valid rows for a table to count as the constituents table. */
    static final int MIN_PLAUSIBLE_ROWS = 5;

    /**
     * What tells one index's article from another's: all data, so an index source states it once instead
     * of overriding a method for each.
     *
     * @param index          the index key (the plug-in's {@code IndexSpec.index()})
     * @param url            the desktop article on {@code en.wikipedia.org}
     * @param snapshotName   the bundled page copy's file name
     * @param displaySymbol  whether the file carries {@code display_symbol}
     * @param lookedFor      what a matching table looks like, for the "not found" message
     * @param symbolHeaders  normalised header texts that name the symbol column (synonyms included); the
     *                       ones every index accepts ({@link #SYMBOL_HEADERS}) are added
     * @param nameHeaders    normalised header texts that name the company-name column; the ones every index
     *                       accepts ({@link #NAME_HEADERS}) are added
     * @param code           the market's code in a cell, empty when the cell holds no valid one (what finds
     *                       the symbol column when no header says, and what each row's symbol is made of)
     */
    protected record Article(String index, String url, String snapshotName, boolean displaySymbol,
                             String lookedFor, Set<String> symbolHeaders, Set<String> nameHeaders,
                             Function<String, Optional<String>> code) {

        /** Symbol-column headers every index accepts. */
        public static final Set<String> SYMBOL_HEADERS = Set.of("symbol", "ticker", "stock symbol", "code");
        /** Company-name-column headers every index accepts. */
        public static final Set<String> NAME_HEADERS = Set.of("name", "company", "company name", "constituent");

        /** The header sets get the common synonyms and are copied. */
        protected Article {
            symbolHeaders = union(SYMBOL_HEADERS, symbolHeaders);
            nameHeaders = union(NAME_HEADERS, nameHeaders);
        }

        /** The mobile article, tried when the desktop one cannot be fetched: the same title on {@code en.m}. */
        public String mobileUrl() {
            return url.replaceFirst("^https://en\\.wikipedia\\.org/", "https://en.m.wikipedia.org/");
        }

        private static Set<String> union(Set<String> common, Set<String> more) {
            Set<String> all = new java.util.HashSet<>(common);
            all.addAll(more);
            return Set.copyOf(all);
        }
    }

    private final Article article;
    private final RunnerFetchers fetchers;

    /** A source fetching with each runner's HTTP settings. */
    protected WikipediaIndexSource(Article article) {
        this.article = article;
        this.fetchers = RunnerFetchers.perRunner(); // built from each runner's HttpSettings
    }

    /** A source fetching through {@code fetcher}. */
    protected WikipediaIndexSource(Article article, PageFetcher fetcher) {
        this.article = article;
        this.fetchers = RunnerFetchers.fixed(fetcher);
    }

    @Override
    public final String index() {
        return article.index();
    }

    @Override
    public final String defaultUrl() {
        return article.url();
    }

    /**
     * The constituent in one row whose symbol cell holds {@code code} (as {@link Article#code()} read it).
     *
     * @param code    the row's code
     * @param table   the members' table
     * @param cells   the row's cells
     * @param columns where the symbol and the name are
     * @return the row's constituent
     */
    protected abstract ConstituentRow row(String code, HtmlTable table, List<Element> cells, Columns columns);

    /** Whether a cell holds a valid code for this market. */
    private boolean validCode(String cell) {
        return article.code().apply(cell).isPresent();
    }

    /** Where the symbol and the company name are in a table. */
    protected record Columns(int symbol, int name) {
    }

    /** Share of a column's non-empty cells that must be valid codes for it to be taken as the symbol column. */
    static final double CODE_SHARE = 0.8;

    /**
     * The symbol and name columns: by header text (normalised, synonyms accepted) where the headers say,
     * else by content — the symbol column is the one whose cells parse as valid codes for the market
     * (most of them, and at least {@link #MIN_PLAUSIBLE_ROWS}), the name column the longest mostly
     * alphabetic text column. Empty when the table has neither.
     */
    protected Optional<Columns> columns(HtmlTable table) {
        int symbol = table.column(article.symbolHeaders()::contains);
        if (symbol < 0) {
            symbol = codeColumn(table);
        }
        if (symbol < 0) {
            return Optional.empty();
        }
        int name = table.column(article.nameHeaders()::contains);
        if (name < 0 || name == symbol) {
            name = textColumn(table, symbol);
        }
        return name < 0 ? Optional.empty() : Optional.of(new Columns(symbol, name));
    }

    private int codeColumn(HtmlTable table) {
        int best = -1;
        long bestValid = 0;
        for (int col = 0; col < table.headers().size(); col++) {
            List<String> filled = filledCells(table, col);
            long valid = filled.stream().filter(this::validCode).count();
            if (valid >= MIN_PLAUSIBLE_ROWS && valid >= CODE_SHARE * filled.size() && valid > bestValid) {
                best = col;
                bestValid = valid;
            }
        }
        return best;
    }

    /** A column's non-empty cells, in row order. */
    private static List<String> filledCells(HtmlTable table, int col) {
        List<String> filled = new ArrayList<>();
        for (List<Element> cells : table.rows()) {
            String cell = HtmlTable.cell(cells, col);
            if (!cell.isEmpty()) {
                filled.add(cell);
            }
        }
        return filled;
    }

    /** Headers of columns that hold something else than the name, even when they are long text. */
    private static final java.util.regex.Pattern OTHER_COLUMN = java.util.regex.Pattern.compile(
            ".*(sector|industry|sub-index|location|headquarters|date|cik|founded|weight|exchange|listing).*");

    private int textColumn(HtmlTable table, int symbol) {
        int best = -1;
        double bestLength = 0;
        for (int col = 0; col < table.headers().size(); col++) {
            if (col == symbol || OTHER_COLUMN.matcher(table.headers().get(col)).matches()) {
                continue;
            }
            List<String> filled = filledCells(table, col);
            List<String> texts = filled.stream().filter(cell -> isText(cell) && !validCode(cell)).toList();
            double average = texts.stream().mapToLong(String::length).average().orElse(0);
            if (!filled.isEmpty() && texts.size() >= CODE_SHARE * filled.size() && average > bestLength) {
                best = col;
                bestLength = average;
            }
        }
        return best;
    }

    /** At least half letters. */
    private static boolean isText(String cell) {
        return cell.chars().filter(Character::isLetter).count() >= cell.length() / 2;
    }

    @Override
    public SourceResult fetch(SourceContext context) throws SourceException {
        Deadline deadline = Deadline.in(context.timeout(), context.clock());
        if (context.snapshot()) {
            return parse(readSnapshot(), PageContentDate.SNAPSHOT_PREFIX + article.snapshotName() + " (bundled copy as of "
                    + SNAPSHOT_DATE + ")", deadline, java.util.Optional.empty());
        }
        String url = context.urlFor(index(), defaultUrl());
        List<String> urls = url.equals(defaultUrl()) ? List.of(url, article.mobileUrl()) : List.of(url);
        PageFetcher.Page page;
        java.util.concurrent.atomic.AtomicBoolean fetched = new java.util.concurrent.atomic.AtomicBoolean();
        warmWhileWaiting(fetched);
        try {
            page = fetchers.forSettings(context.http()).fetch(urls, deadline);
        } catch (SourceException e) {
            throw new SourceException(index() + ": " + e.getMessage(), e);
        } finally {
            fetched.set(true);
        }
        return parse(page.body(), page.url(), deadline, page.lastModified());
    }

    /** Once per JVM: whether the parser was warmed while a page downloaded. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();
    /** How long a download must take before warming the parser pays (below this, it would only compete). */
    private static final long WARM_AFTER_MS = 350;

    /**
     * When a download is still under way after {@link #WARM_AFTER_MS}, parses the bundled copy of this
     * page once on a daemon thread, so the parser's code is compiled by the time the real page arrives:
     * a cold process otherwise spends a few hundred milliseconds after the network wait that it could
     * have spent during it. Only once per JVM; a warm process skips it.
     */
    private void warmWhileWaiting(java.util.concurrent.atomic.AtomicBoolean fetched) {
        if (WARMED.get()) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                Thread.sleep(WARM_AFTER_MS);
                if (!fetched.get() && WARMED.compareAndSet(false, true)) {
                    parse(readSnapshot(), "warm-up");
                }
            } catch (InterruptedException | SourceException | RuntimeException ignored) {
                // warming is only an optimisation
            }
        }, "parser-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** Parses a page's HTML within the default deadline; never returns an empty table. */
    public SourceResult parse(String html, String url) throws SourceException {
        return parse(html, url, Deadline.measured(SourceContext.DEFAULT_TIMEOUT));
    }

    /**
     * Parses a page's HTML; never returns an empty table. The parse itself checks {@code deadline} as
     * it reads (and stops when the thread is interrupted), so a page that takes past it to read
     * (thousands of nested tables) fails saying so and leaves no thread behind.
     */
    public SourceResult parse(String html, String url, Deadline deadline) throws SourceException {
        return parse(html, url, deadline, java.util.Optional.empty());
    }

    /**
     * As {@link #parse(String, String, Deadline)}, for an answer that carried
     * {@code Last-Modified}: the result's content date is the page's last-edited line, else that
     * header (else, for a bundled copy, {@link #SNAPSHOT_DATE}); its origin is read from {@code url}.
     */
    public SourceResult parse(String html, String url, Deadline deadline,
                              java.util.Optional<java.time.Instant> lastModified) throws SourceException {
        Document doc;
        List<HtmlTable> tables;
        try {
            doc = BoundedParse.html(html, url.startsWith("http") ? url : "", deadline);
            tables = preferredTables(doc);
        } catch (HtmlTable.ParseInterrupted e) {
            throw new SourceException(index() + ": " + url + ": " + e.getMessage());
        }
        Candidate best = null;
        for (HtmlTable table : tables) {
            checkDeadline(deadline, url);
            Optional<Columns> columns = columns(table);
            if (columns.isEmpty()) {
                continue;
            }
            Candidate candidate = read(table, columns.get(), deadline, url);
            if (candidate.isPlausible() && (best == null || candidate.rows.size() > best.rows.size())) {
                best = candidate;
            }
        }
        if (best == null) {
            checkDeadline(deadline, url);
            throw new SourceException(url + ": no " + article.lookedFor() + " with at least " + MIN_PLAUSIBLE_ROWS
                    + " valid symbols" + pageHint(doc));
        }
        List<String> warnings = new ArrayList<>();
        if (!best.skipped.isEmpty()) {
            warnings.add("skipped " + best.skipped.size() + " row(s) without a valid symbol: "
                    + String.join(", ", best.skipped.subList(0, Math.min(10, best.skipped.size())))
                    + (best.skipped.size() > 10 ? " ..." : ""));
        }
        SourceResult result = new SourceResult(url, ConstituentTable.of(article.displaySymbol(), best.rows),
                best.rows.size() + best.skipped.size(), warnings).withContent(PageContentDate.of(doc, url, lastModified,
                java.util.Optional.of(java.time.LocalDate.parse(SNAPSHOT_DATE))));
        try {
            return withPageData(result, doc, best.table, url);
        } catch (HtmlTable.ParseInterrupted e) {
            throw new SourceException(index() + ": " + url + ": " + e.getMessage());
        }
    }

    /**
     * What else the page states beside its members (the S&amp;P 500 article's change table, the HSI
     * article's weights), added to {@code result}; a part that cannot be read is a warning, never a
     * failure. By default nothing.
     *
     * @param result  the members read
     * @param doc     the page
     * @param members the table they were read from
     * @param url     where the page was read
     */
    protected SourceResult withPageData(SourceResult result, Document doc, HtmlTable members, String url) {
        return result;
    }

    /** {@code result} with {@code more} warnings after its own. */
    protected static SourceResult withWarnings(SourceResult result, List<String> more) {
        if (more.isEmpty()) {
            return result;
        }
        List<String> all = new ArrayList<>(result.warnings());
        all.addAll(more);
        return new SourceResult(result.source(), result.table(), result.recordsParsed(), all, result.changes(),
                result.weights(), result.content());
    }

    /** All tables with headers; a subclass may put a table it knows by id first. */
    protected List<HtmlTable> preferredTables(Document doc) {
        return HtmlTable.all(doc);
    }

    private void checkDeadline(Deadline deadline, String url) throws SourceException {
        if (deadline.passed() || Thread.currentThread().isInterrupted()) {
            throw new SourceException(index() + ": reading the tables of " + url + " did not finish within "
                    + deadline.describe());
        }
    }

    private Candidate read(HtmlTable table, Columns columns, Deadline deadline, String url)
            throws SourceException {
        Candidate c = new Candidate(table);
        for (List<Element> cells : table.rows()) {
            checkDeadline(deadline, url);
            Optional<ConstituentRow> row = article.code().apply(HtmlTable.cell(cells, columns.symbol()))
                    .map(code -> row(code, table, cells, columns));
            if (row.isPresent()) {
                c.rows.add(row.get());
            } else {
                String first = HtmlTable.cell(cells, columns.symbol());
                c.skipped.add("'" + (first.length() > 40 ? first.substring(0, 40) : first) + "'");
            }
        }
        return c;
    }

    private static String pageHint(Document doc) {
        String text = doc.text().toLowerCase(Locale.ROOT);
        if (text.contains("too many requests") || text.contains("rate limit") || text.contains("robot policy")
                || text.contains("please slow down") || text.contains("captcha")) {
            return " (the page looks like a throttling or robot-check page: '" + abbreviate(doc.title()) + "')";
        }
        return doc.title().isBlank() ? "" : " (page title: '" + abbreviate(doc.title()) + "')";
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private String readSnapshot() throws SourceException {
        try (InputStream in = WikipediaIndexSource.class.getResourceAsStream("snapshot/" + article.snapshotName())) {
            if (in == null) {
                throw new SourceException(index() + ": the bundled snapshot " + article.snapshotName() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(index() + ": cannot read the bundled snapshot " + article.snapshotName() + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
    }

    private static final class Candidate {
        final HtmlTable table;
        final List<ConstituentRow> rows = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        Candidate(HtmlTable table) {
            this.table = table;
        }

        /** Enough valid rows, and most rows valid: a stray table naming one code never wins. */
        boolean isPlausible() {
            return rows.size() >= MIN_PLAUSIBLE_ROWS && rows.size() >= skipped.size();
        }
    }
}
