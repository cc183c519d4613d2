package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * STI from Wikipedia's "Straits Times Index": the table headed Company | Stock symbol. The page has
 * no sector columns; those come from enrichment with the current file.
 */
public final class StiSource extends WikipediaIndexSource {

    public static final String URL = "https://en.wikipedia.org/wiki/Straits_Times_Index";

    private static final Pattern SGX = Pattern.compile("(?:SGX\\s*:\\s*)?([A-Z0-9]{2,5})(?:\\.SI)?");

    /**
     * An SGX code: {@code SGX: D05}, {@code SGX:9CI}, {@code D05}, {@code D05.SI} → {@code D05} (symbol
     * {@code D05.SI}); empty when the cell holds no valid code.
     */
    public static Optional<String> code(String cell) {
        Matcher m = SGX.matcher(SymbolNormalizer.clean(cell));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static final Article ARTICLE = new Article("sti", URL, "wikipedia_sti.html", true,
            "table with Company and Stock symbol headers", Set.of("sgx code", "stock code"), Set.of(), StiSource::code);

    public StiSource() {
        super(ARTICLE);
    }

    public StiSource(PageFetcher fetcher) {
        super(ARTICLE, fetcher);
    }

    @Override
    protected ConstituentRow row(String code, HtmlTable table, List<Element> cells, Columns columns) {
        return ConstituentRow.of(code + ".SI", code, HtmlTable.cell(cells, columns.name()),
                HtmlTable.cell(cells, table.column(h -> h.equals("sector") || h.equals("gics sector"))),
                HtmlTable.cell(cells, table.column(h -> h.contains("sub-industry") || h.equals("industry"))));
    }
}
