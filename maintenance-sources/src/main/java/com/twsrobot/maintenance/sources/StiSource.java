package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;

/**
 * STI from Wikipedia's "Straits Times Index": the table headed Company | Stock symbol. The page has
 * no sector columns; those come from enrichment with the current file.
 */
public final class StiSource extends WikipediaIndexSource {

    public static final String URL = "https://en.wikipedia.org/wiki/Straits_Times_Index";
    public static final String MOBILE_URL = "https://en.m.wikipedia.org/wiki/Straits_Times_Index";

    public StiSource() {
    }

    public StiSource(PageFetcher fetcher) {
        super(fetcher);
    }

    @Override
    public String index() {
        return "sti";
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
        return "wikipedia_sti.html";
    }

    @Override
    protected boolean hasDisplaySymbol() {
        return true;
    }

    @Override
    protected String lookedFor() {
        return "table with Company and Stock symbol headers";
    }

    @Override
    protected boolean headersMatch(HtmlTable table) {
        return symbolColumn(table) >= 0 && companyColumn(table) >= 0;
    }

    @Override
    protected Optional<ConstituentRow> row(HtmlTable table, List<Element> cells) {
        return SymbolNormalizer.stiCode(HtmlTable.cell(cells, symbolColumn(table))).map(code -> ConstituentRow.of(
                code + ".SI", code, HtmlTable.cell(cells, companyColumn(table)),
                HtmlTable.cell(cells, table.column(h -> h.equals("sector") || h.equals("gics sector"))),
                HtmlTable.cell(cells, table.column(h -> h.contains("sub-industry") || h.equals("industry")))));
    }

    private static int symbolColumn(HtmlTable table) {
        return table.column(h -> h.equals("stock symbol") || h.equals("symbol") || h.equals("ticker") || h.equals("code")
                || h.equals("sgx code"));
    }

    private static int companyColumn(HtmlTable table) {
        return table.column(h -> h.equals("company") || h.equals("name") || h.equals("constituent"));
    }
}
