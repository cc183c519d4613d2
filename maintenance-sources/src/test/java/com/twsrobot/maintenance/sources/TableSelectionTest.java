package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages that differ from the offline copies the way real pages do. */
class TableSelectionTest {

    private static String table(String headers, String... rows) {
        StringBuilder html = new StringBuilder("<table class=\"wikitable\"><tr>");
        for (String h : headers.split("\\|")) {
            html.append("<th>").append(h).append("</th>");
        }
        html.append("</tr>");
        for (String row : rows) {
            html.append("<tr>");
            for (String cell : row.split("\\|", -1)) {
                html.append("<td>").append(cell).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    @Test
    void aStrayTableNamingOneCodeDoesNotWin() throws Exception {
        String stray = table("Company|Stock symbol", "DBS Group|SGX: D05");
        String real = table("Company|Stock symbol", "A|SGX: A17U", "B|SGX: C38U", "C|SGX: D05", "D|SGX: 9CI", "E|SGX: 5E2",
                "F|SGX: O39");
        SourceResult result = new StiSource().parse("<html><body>" + stray + real + "</body></html>", "u");
        assertThat(result.table().rowCount()).isEqualTo(6);
    }

    @Test
    void onlyAStrayTableIsNotEnough() {
        String stray = table("Company|Stock symbol", "DBS Group|SGX: D05");
        assertThatThrownBy(() -> new StiSource().parse("<html><title>STI</title><body>" + stray + "</body></html>", "http://h/sti"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("http://h/sti: no table with Company and Stock symbol headers");
    }

    @Test
    void sp500WithoutTheTableIdAndWithReorderedExtraColumnsIsFoundByHeaders() throws Exception {
        String page = Fixtures.page("wikipedia_sp500.html").replace("id=\"constituents\"", "id=\"renamed\"");
        SourceResult result = new Sp500Source().parse(page, "u");
        assertThat(result.table().rowCount()).isEqualTo(503);

        String reordered = table("Security|Founded|GICS Sub-Industry|Symbol|GICS Sector",
                "Apple Inc.|1976|Tech HW|AAPL|Information Technology", "3M|1902|Conglomerates|MMM|Industrials",
                "Berkshire Hathaway<sup class=\"reference\">[a]</sup>|1839|Insurance|BRK.B<sup class=\"reference\">[1]</sup>|Financials",
                "A|1|s|A|x", "B|1|s|BA|x");
        SourceResult r2 = new Sp500Source().parse(reordered, "u");
        assertThat(r2.table().bySymbol().get("BRK-B").security()).isEqualTo("Berkshire Hathaway");
        assertThat(r2.table().bySymbol().get("AAPL").sector()).isEqualTo("Information Technology");
        assertThat(r2.table().bySymbol().get("AAPL").subIndustry()).isEqualTo("Tech HW");
    }

    @Test
    void rowsWithoutAValidSymbolAreSkippedWithAWarningNamingThem() throws Exception {
        String html = table("Ticker|Name|Sub-index", "SEHK: 1|CK|Commerce", "SEHK: 2|CLP|Utilities", "3|Gas|Utilities",
                "5|HSBC|Finance", "6|Power|Utilities", "Total|—|—");
        SourceResult result = new HsiSource().parse(html, "u");
        assertThat(result.table().rowCount()).isEqualTo(5);
        assertThat(result.recordsParsed()).isEqualTo(6);
        assertThat(result.warnings()).singleElement().asString().contains("'Total'");
    }

    @Test
    void duplicatesOnThePageAreKeptForValidationToJudge() throws Exception {
        String html = table("Ticker|Name|Sub-index", "1|CK|Commerce", "1|CK|Commerce", "3|Gas|Utilities", "5|HSBC|Finance",
                "6|Power|Utilities", "2|CLP|Utilities");
        assertThat(new HsiSource().parse(html, "u").table().rowCount()).isEqualTo(6);
    }

    @Test
    void aThrottlingPageFailsSayingSo() {
        String page = "<html><head><title>Too many requests</title></head><body><p>Please slow down: too many requests"
                + " from your address. See our robot policy.</p></body></html>";
        assertThatThrownBy(() -> new HsiSource().parse(page, "https://en.wikipedia.org/wiki/Hang_Seng_Index"))
                .hasMessageContaining("no table with Ticker and Name headers")
                .hasMessageContaining("throttling or robot-check page");
    }
}
