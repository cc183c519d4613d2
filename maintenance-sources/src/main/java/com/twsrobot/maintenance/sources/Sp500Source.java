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

    private static final Article ARTICLE = new Article("sp500", URL, "wikipedia_sp500.html", false,
            "table with Symbol and Security headers", Set.of("ticker symbol"), Set.of("security"), Sp500Source::symbol);

    public Sp500Source() {
        super(ARTICLE);
    }

    public Sp500Source(PageFetcher fetcher) {
        super(ARTICLE, fetcher);
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
    protected ConstituentRow row(String symbol, HtmlTable table, List<Element> cells, Columns columns) {
        return ConstituentRow.of(symbol, HtmlTable.cell(cells, columns.name()),
                HtmlTable.cell(cells, table.column(h -> h.equals("gics sector") || h.equals("sector"))),
                HtmlTable.cell(cells, table.column(h -> h.contains("sub-industry") || h.contains("sub industry"))));
    }
}
