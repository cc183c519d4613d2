package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Columns are found by content when the headers do not say; the full list comes back whatever they are called. */
class HeaderRenamingTest {

    private static final String URL = "https://example.test/page";

    @ParameterizedTest(name = "S&P 500 symbol header: {0}")
    @CsvSource(delimiter = '|', value = {"Ticker&#160;Symbol<sup class=\"reference\">[1]</sup>", "CODE*", "Instrument",
            "  stock   symbol  "})
    void sp500(String symbolHeader) throws SourceException {
        String page = Fixtures.page("wikipedia_sp500.html")
                .replace("title=\"Ticker symbol\">Symbol</a></th>", "title=\"Ticker symbol\">" + symbolHeader + "</a></th>")
                .replaceFirst("<th>Security</th>", "<th>Firm</th>");
        SourceResult result = new Sp500Source().parse(page, URL);
        assertThat(result.table().symbolCount()).isEqualTo(503);
        assertThat(result.table().bySymbol().get("MMM").security()).isEqualTo("3M");
        assertThat(result.table().bySymbol().get("MMM").sector()).isEqualTo("Industrials");
    }

    @ParameterizedTest(name = "STI headers: {0} / {1}")
    @CsvSource(delimiter = '|', value = {"Counter|Constituent name", "SGX&#160;Code[a]|Company", "Stock Code|Issuer"})
    void sti(String symbolHeader, String nameHeader) throws SourceException {
        String page = Fixtures.page("wikipedia_sti.html").replace("<th>Stock symbol\n</th>", "<th>" + symbolHeader + "\n</th>")
                .replace("<th>Company</th>", "<th>" + nameHeader + "</th>");
        SourceResult result = new StiSource().parse(page, URL);
        assertThat(result.table().symbolCount()).isEqualTo(30);
        ConstituentRow a17u = result.table().bySymbol().get("A17U.SI");
        assertThat(a17u.security()).isEqualTo("CapitaLand Ascendas REIT");
    }

    @ParameterizedTest(name = "HSI headers: {0} / {1}")
    @CsvSource(delimiter = '|', value = {"Stock&#160;Code|Name", "Listing No.|Company name", "Ticker†|Constituent"})
    void hsi(String symbolHeader, String nameHeader) throws SourceException {
        String page = Fixtures.page("wikipedia_hsi.html").replace("<th>Ticker</th>", "<th>" + symbolHeader + "</th>")
                .replace("<th>Name</th>", "<th>" + nameHeader + "</th>");
        SourceResult result = new HsiSource().parse(page, URL);
        assertThat(result.table().symbolCount()).isEqualTo(85);
        assertThat(result.table().bySymbol().get("0005.HK").security()).contains("HSBC");
    }

    @Test
    void aTableWithNoValidCodeColumnStillFailsWithTheClearMessage() {
        String page = "<html><body><table><tr><th>Foo</th><th>Bar</th></tr>"
                + "<tr><td>not a code at all</td><td>x y z</td></tr>".repeat(30) + "</table></body></html>";
        assertThatThrownBy(() -> new Sp500Source().parse(page, URL)).isInstanceOf(SourceException.class)
                .hasMessageContaining("no table with Symbol and Security headers");
        assertThatThrownBy(() -> new HsiSource().parse(page, URL)).hasMessageContaining("no table with Ticker and Name headers");
    }
}
