package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever HTML arrives, an adapter either fails with a SourceException or yields only valid symbols. */
class RandomHtmlPropertiesTest {

    private static final List<WikipediaIndexSource> SOURCES = List.of(new Sp500Source(), new StiSource(), new HsiSource());
    private static final List<IndexSpec> SPECS = List.of(Sp500Index.SPEC, StiIndex.SPEC, HsiIndex.SPEC);

    @Property(tries = 300)
    void randomTablesNeverThrowAnythingElseAndNeverYieldInvalidSymbols(@ForAll("pages") String html) {
        for (int i = 0; i < SOURCES.size(); i++) {
            try {
                SourceResult result = SOURCES.get(i).parse(html, "http://fuzz/");
                IndexSpec spec = SPECS.get(i);
                assertThat(result.table().rows()).isNotEmpty().allMatch(r -> spec.isValidSymbol(r.symbol()),
                        "valid " + spec.index() + " symbol");
            } catch (SourceException expected) {
                assertThat(expected.getMessage()).contains("http://fuzz/");
            }
        }
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> header = Arbitraries.of("Symbol", "Security", "Company", "Stock symbol", "Ticker", "Name",
                "Sub-index", "GICS Sector", "GICS Sub-Industry", "Weight", "", "<b>Symbol</b>");
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCXYZabc0123456789.:-/ &<>\"'\u00A0").ofMaxLength(12),
                Arbitraries.of("SGX: D05", "SEHK: 5", "BRK.B", "0005.HK", "D05.SI", "<sup class=\"reference\">[1]</sup>",
                        "<a href='x'>MMM</a>", "<td>", "</tr>", "<table>", "9CI"));
        Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(6)
                .map(cells -> "<tr>" + String.join("", cells.stream().map(c -> "<td>" + c + "</td>").toList()) + "</tr>");
        Arbitrary<String> table = Combinators.combine(header.list().ofMaxSize(6), row.list().ofMaxSize(12))
                .as((hs, rs) -> "<table class='wikitable'><tr>" + String.join("", hs.stream().map(h -> "<th>" + h + "</th>")
                        .toList()) + "</tr>" + String.join("", rs) + "</table>");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(40);
        return Combinators.combine(table.list().ofMaxSize(3), noise)
                .as((tables, text) -> "<html><body><p>" + text + "</p>" + String.join("", tables) + "</body></html>");
    }
}
