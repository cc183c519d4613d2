package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;

/** S&amp;P 500 from Wikipedia's "List of S&amp;P 500 companies": {@code table#constituents}, columns by header. */
public final class Sp500Source extends WikipediaIndexSource {

    public static final String URL = "https://en.wikipedia.org/wiki/List_of_S%26P_500_companies";
    public static final String MOBILE_URL = "https://en.m.wikipedia.org/wiki/List_of_S%26P_500_companies";

    private static final Pattern US = Pattern.compile("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?");
    private static final Pattern US_PREFIX = Pattern.compile("^(NYSE|NASDAQ|NYSEARCA|CBOE|BATS)\\s*:\\s*");

    /**
     * A US ticker as the S&amp;P 500 file spells it: exchange prefix dropped, upper case, {@code .} and
     * {@code /} to {@code -} ({@code BRK.B} → {@code BRK-B}); empty when the cell holds no valid ticker.
     */
    public static Optional<String> symbol(String cell) {
        String s = US_PREFIX.matcher(SymbolNormalizer.clean(cell)).replaceFirst("").replace('.', '-').replace('/', '-');
        return US.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    public Sp500Source() {
    }

    public Sp500Source(PageFetcher fetcher) {
        super(fetcher);
    }

    @Override
    public String index() {
        return "sp500";
    }

    @Override
    public String defaultUrl() {
        return URL;
    }

    @Override
    protected String fallbackUrl() {
        return MOBILE_URL;
    }

    @Override
    protected String snapshotName() {
        return "wikipedia_sp500.html";
    }

    @Override
    protected boolean hasDisplaySymbol() {
        return false;
    }

    @Override
    protected String lookedFor() {
        return "table with Symbol and Security headers";
    }

    /** {@code table#constituents} first, then any other table (the id may be missing on a changed page). */
    @Override
    protected List<HtmlTable> preferredTables(Document doc) {
        List<HtmlTable> tables = new ArrayList<>();
        Element byId = doc.getElementById("constituents");
        if (byId != null && byId.tagName().equals("table")) {
            HtmlTable.of(byId).ifPresent(tables::add);
        }
        if (tables.isEmpty()) {
            tables.addAll(HtmlTable.all(doc));
        }
        return tables;
    }

    /** The "Selected changes" table beside the members; read with the members' own ticker rule. */
    @Override
    protected com.twsrobot.maintenance.api.SourceResult withPageData(com.twsrobot.maintenance.api.SourceResult result,
                                                                     Document doc, HtmlTable members, String url) {
        ChangeTableReader.Read changes = new ChangeTableReader(Sp500Source::symbol).read(doc, url);
        return withWarnings(result.withChanges(changes.records()), changes.warnings());
    }

    @Override
    protected Set<String> symbolHeaders() {
        return Set.of("symbol", "ticker", "ticker symbol", "stock symbol", "code");
    }

    @Override
    protected Set<String> nameHeaders() {
        return Set.of("security", "company", "name", "company name", "constituent");
    }

    @Override
    protected boolean validCode(String cell) {
        return symbol(cell).isPresent();
    }

    @Override
    protected Optional<ConstituentRow> row(HtmlTable table, List<Element> cells, Columns columns) {
        return symbol(HtmlTable.cell(cells, columns.symbol())).map(symbol -> ConstituentRow.of(symbol,
                HtmlTable.cell(cells, columns.name()),
                HtmlTable.cell(cells, table.column(h -> h.equals("gics sector") || h.equals("sector"))),
                HtmlTable.cell(cells, table.column(h -> h.contains("sub-industry") || h.contains("sub industry")))));
    }
}
