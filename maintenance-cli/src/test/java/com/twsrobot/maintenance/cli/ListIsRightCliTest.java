package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Field-level changes of kept symbols, in every place a change is shown. */
class ListIsRightCliTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void cleanUp() {
        server.close();
        ws.close();
    }

    /** The real page with 3M renamed and Abbott re-sectored. */
    private static String editedPage() {
        String page = Fixtures.page("wikipedia_sp500.html").replace("title=\"3M\">3M</a></td>",
                "title=\"3M\">3M Company</a></td>");
        int abbott = page.indexOf(">Abbott Laboratories<");
        int sector = page.indexOf("<td>Health Care</td>", abbott);
        return page.substring(0, sector) + "<td>Industrials</td>" + page.substring(sector + "<td>Health Care</td>".length());
    }

    @Test
    void aRenamedAndAReSectoredCompanyShowOldToNewInJsonMarkdownAndTheSummary() throws Exception {
        server.page("/sp500", editedPage());
        CliRun json = CliRun.in(ws, "run", "--task", "sp500_constituents", "--json", "--source-url",
                "sp500=" + server.url("/sp500"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = ReportJson.mapper().readTree(json.out());
        JsonNode rows = report.get("results").get(0).get("detail").get("changed_rows");
        assertThat(rows.toString())
                .contains("{\"symbol\":\"MMM\",\"field\":\"security\",\"old\":\"3M\",\"new\":\"3M Company\"}")
                .contains("{\"symbol\":\"ABT\",\"field\":\"sector\",\"old\":\"Health Care\",\"new\":\"Industrials\"}");
        assertThat(rows).hasSize(2);
        assertThat(report.get("results").get(0).get("added")).isEmpty();

        CliRun markdown = CliRun.in(ws, "report", report.get("report_id").asText(), "--markdown");
        assertThat(markdown.out()).contains("### Changed fields (2)", "| MMM | security | 3M | 3M Company |",
                "| ABT | sector | Health Care | Industrials |");

        CliRun text = CliRun.in(ws, "run", "--task", "sp500_constituents", "--source-url", "sp500=" + server.url("/sp500"));
        assertThat(text.out()).contains("~ MMM  security: '3M' → '3M Company'",
                "~ ABT  sector: 'Health Care' → 'Industrials'");
    }
}
