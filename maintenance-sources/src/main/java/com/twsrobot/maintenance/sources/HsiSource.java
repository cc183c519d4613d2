package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HSI from Wikipedia's "Hang Seng Index": the table headed Ticker | Name | Sub-index. The sub-index
 * (Finance, Utilities, Properties, Commerce &amp; Industry) becomes {@code sector}.
 */
public final class HsiSource extends WikipediaIndexSource {

    public static final String URL = "https://en.wikipedia.org/wiki/Hang_Seng_Index";
    public static final String MOBILE_URL = "https://en.m.wikipedia.org/wiki/Hang_Seng_Index";

    public HsiSource() {
    }

    public HsiSource(PageFetcher fetcher) {
        super(fetcher);
    }

    @Override
    public String index() {
        return "hsi";
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
        return "wikipedia_hsi.html";
    }

    @Override
    protected boolean hasDisplaySymbol() {
        return true;
    }

    @Override
    protected String lookedFor() {
        return "table with Ticker and Name headers";
    }

    @Override
    protected Set<String> symbolHeaders() {
        return Set.of("ticker", "stock code", "code", "symbol", "sehk code", "stock symbol");
    }

    @Override
    protected Set<String> nameHeaders() {
        return Set.of("name", "company", "constituent", "company name");
    }

    @Override
    protected boolean validCode(String cell) {
        return SymbolNormalizer.hsiCode(cell).isPresent();
    }

    @Override
    protected Optional<ConstituentRow> row(HtmlTable table, List<Element> cells, Columns columns) {
        return SymbolNormalizer.hsiCode(HtmlTable.cell(cells, columns.symbol())).map(code -> ConstituentRow.of(
                code + ".HK", code, HtmlTable.cell(cells, columns.name()),
                HtmlTable.cell(cells, table.column(h -> h.equals("sub-index") || h.equals("sector") || h.equals("industry"))),
                ""));
    }
}
