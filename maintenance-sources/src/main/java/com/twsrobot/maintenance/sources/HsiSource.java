package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * HSI from Wikipedia's "Hang Seng Index": the table headed Ticker | Name | Sub-index. The sub-index
 * (Finance, Utilities, Properties, Commerce &amp; Industry) becomes {@code sector}.
 */
public final class HsiSource extends WikipediaIndexSource {

    public static final String URL = "https://en.wikipedia.org/wiki/Hang_Seng_Index";

    private static final Pattern HKEX = Pattern.compile("(?:(?:SEHK|HKEX)\\s*:\\s*)?0*([0-9]{1,5})(?:\\.HK)?");

    /**
     * An HKEX code: {@code SEHK: 5}, {@code 0005}, {@code 5.HK} → {@code 0005} (symbol {@code 0005.HK});
     * five digits kept; empty when the cell holds no valid code.
     */
    public static Optional<String> code(String cell) {
        Matcher m = HKEX.matcher(SymbolNormalizer.clean(cell));
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1);
        if (Integer.parseInt(digits) == 0) {
            return Optional.empty();
        }
        return Optional.of(digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits);
    }

    private static final Article ARTICLE = new Article("hsi", URL, "wikipedia_hsi.html", true,
            "table with Ticker and Name headers", Set.of("stock code", "sehk code"), Set.of(), HsiSource::code);

    public HsiSource() {
        super(ARTICLE);
    }

    public HsiSource(PageFetcher fetcher) {
        super(ARTICLE, fetcher);
    }

    /**
     * Each member's {@code Weighting (%)} from the members' table, by symbol. A table without the column
     * gives no weights; cells that are not numbers are left out, with a warning naming them.
     */
    @Override
    protected com.twsrobot.maintenance.api.SourceResult withPageData(com.twsrobot.maintenance.api.SourceResult result,
                                                                     org.jsoup.nodes.Document doc, HtmlTable members,
                                                                     String url) {
        int weight = members.column(h -> h.startsWith("weighting") || h.startsWith("weight"));
        int symbol = columns(members).map(Columns::symbol).orElse(-1);
        if (weight < 0 || symbol < 0) {
            return result;
        }
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        List<String> bad = new java.util.ArrayList<>();
        for (List<Element> cells : members.rows()) {
            Optional<String> code = code(HtmlTable.cell(cells, symbol));
            if (code.isEmpty()) {
                continue;
            }
            String cell = HtmlTable.cell(cells, weight);
            java.util.OptionalDouble value = Weights.percent(cell);
            if (value.isPresent()) {
                weights.put(code.get() + ".HK", value.getAsDouble());
            } else {
                bad.add(code.get() + ".HK '" + (cell.length() > 20 ? cell.substring(0, 20) : cell) + "'");
            }
        }
        List<String> warnings = bad.isEmpty() ? List.of() : List.of("weights of " + bad.size()
                + " member(s) are not numbers and were left out: " + String.join(", ", bad.subList(0, Math.min(10, bad.size())))
                + (bad.size() > 10 ? " ..." : ""));
        return withWarnings(result.withWeights(weights), warnings);
    }

    @Override
    protected ConstituentRow row(String code, HtmlTable table, List<Element> cells, Columns columns) {
        return ConstituentRow.of(code + ".HK", code, HtmlTable.cell(cells, columns.name()),
                HtmlTable.cell(cells, table.column(h -> h.equals("sub-index") || h.equals("sector") || h.equals("industry"))),
                "");
    }
}
