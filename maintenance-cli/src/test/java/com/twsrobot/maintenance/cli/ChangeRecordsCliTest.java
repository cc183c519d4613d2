package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Pages;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether each change of the shared S&amp;P 500 page copy is real: changed copies built in the test, the
 * page's own "Selected changes" table and the IVV holdings file of 2024-12-06 (weights) as evidence.
 */
class ChangeRecordsCliTest {

    private static final String CURRENT = "sp500_constituents.csv";

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void cleanUp() {
        server.close();
        ws.close();
    }

    private static String page() {
        return Fixtures.page("wikipedia_sp500.html");
    }

    private String ivv() throws IOException {
        try (InputStream in = ChangeRecordsCliTest.class.getResourceAsStream("/holdings/ivv_2024-12-06.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CliRun run(String html, String... more) throws IOException {
        server.page("/sp500", html);
        server.script("/ivv.csv", FixtureServer.Response.of(200, "text/csv", ivv()));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--task", "sp500_constituents",
                "--source-url", "sp500=" + server.url("/sp500"), "--source-url", "sp500-holdings-ivv=" + server.url("/ivv.csv")));
        args.addAll(java.util.List.of(more));
        return CliRun.in(ws, args.toArray(String[]::new));
    }

    private static JsonNode task(CliRun json) throws IOException {
        return ReportJson.mapper().readTree(json.out()).get("results").get(0);
    }

    @Test
    void appleAndAmazonRemovedFailNamingBothWithTheirWeights() throws Exception {
        String html = Pages.withoutMembers(page(), "AAPL", "AMZN");
        byte[] before = ws.readData(CURRENT);
        CliRun json = run(html, "--apply", "--json");
        assertThat(json.exitCode()).as(json.err()).isNotZero();
        JsonNode t = task(json);
        String errors = t.get("validation").get("errors").toString();
        assertThat(errors).contains("not in the page's change table", "AAPL (Apple Inc., 7.15 % in sp500-holdings-ivv)",
                "AMZN (Amazon, 4.11 % in sp500-holdings-ivv)", "--allow-large-change");
        assertThat(ws.readData(CURRENT)).isEqualTo(before);
        JsonNode removed = t.get("detail").get("change_classification").get("removed");
        assertThat(removed.toString()).contains("\"symbol\":\"AAPL\"", "\"classification\":\"unexplained\"");
        assertThat(t.get("removed")).hasSize(2); // the existing key stays

        CliRun text = run(html);
        assertThat(text.out()).contains("- AAPL  Apple Inc.  [unexplained]", "invalid: removal of 2 heavy member(s)");

        CliRun allowed = run(html, "--allow-large-change", "--json");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(task(allowed).get("validation").get("warnings").toString())
                .contains("accepted because a large change was explicitly allowed");
    }

    @Test
    void theJune2026ChangesAreExplainedWithTheirReason() throws Exception {
        // The file as it stood before June 22, 2026: CPB and POOL still members, FLEX and MRVL not yet.
        String current = new String(ws.readData(CURRENT), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^FLEX,.*$", "CPB,Campbell's Company (The),Consumer Staples,Packaged Foods & Meats")
                .replaceFirst("(?m)^MRVL,.*$", "POOL,Pool Corporation,Consumer Discretionary,Distributors");
        ws.writeData(CURRENT, current.getBytes(StandardCharsets.UTF_8));
        CliRun json = run(page(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode c = task(json).get("detail").get("change_classification");
        assertThat(c.get("added").toString()).contains("\"symbol\":\"FLEX\"", "\"symbol\":\"MRVL\"")
                .contains("\"classification\":\"explained\"", "\"effective\":\"2026-06-22\"",
                        "\"reason\":\"Market capitalization change.\"")
                .doesNotContain("unexplained");
        assertThat(c.get("removed").toString()).contains("\"symbol\":\"CPB\"", "\"symbol\":\"POOL\"")
                .doesNotContain("unexplained");
        assertThat(task(json).get("validation").get("warnings").toString()).doesNotContain("unexplained");

        CliRun text = run(page());
        assertThat(text.out()).contains("+ FLEX  Flex Ltd.  [explained (2026-06-22: Market capitalization change.)]",
                "- POOL  Pool Corporation  [explained (2026-06-22: Market capitalization change.)]");
        String id = ReportJson.mapper().readTree(json.out()).get("report_id").asText();
        CliRun md = CliRun.in(ws, "report", id, "--markdown");
        assertThat(md.out()).contains("- MRVL — Marvell Technology — explained (2026-06-22: Market capitalization change.)");
    }

    @Test
    void aMadeUpRenameIsShownOnceAndCountedOnce() throws Exception {
        int at = page().indexOf(">AAPL</a></td>");
        String html = page().substring(0, at) + ">APLX</a></td>" + page().substring(at + ">AAPL</a></td>".length());
        CliRun json = run(html, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode t = task(json);
        JsonNode renames = t.get("detail").get("renames");
        assertThat(renames).hasSize(1);
        assertThat(renames.get(0).get("old").asText()).isEqualTo("AAPL");
        assertThat(renames.get(0).get("new").asText()).isEqualTo("APLX");
        assertThat(renames.get(0).get("basis").asText()).isEqualTo("same company name");
        assertThat(renames.get(0).get("classification").asText()).isEqualTo("unexplained");
        JsonNode c = t.get("detail").get("change_classification");
        assertThat(c.get("added")).isEmpty();
        assertThat(c.get("removed")).isEmpty();
        assertThat(c.get("replaced").asInt()).isEqualTo(1);
        // A renamed member is not a removal: no heavy-removal failure although Apple weighs 7.15 %.
        assertThat(t.get("validation").get("errors")).isEmpty();

        CliRun text = run(html);
        assertThat(text.out()).contains("↻ AAPL → APLX  Apple Inc. → Apple Inc.  [rename: same company name; unexplained]")
                .doesNotContain("- AAPL", "+ APLX");
        assertThat(text.out().split("AAPL → APLX", -1)).hasSize(2);
    }

    @Test
    void aRemovalNotInTheTableWarnsUnexplained() throws Exception {
        CliRun json = run(Pages.withoutMembers(page(), "MMM"), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode t = task(json);
        assertThat(t.get("validation").get("errors")).isEmpty();
        assertThat(t.get("validation").get("warnings").toString())
                .contains("1 unexplained removal(s), not in the page's change table: MMM (3M, ");
    }

    @Test
    void withNoWeightsKnownTheMessageSaysSo() throws Exception {
        server.page("/sp500", Pages.withoutMembers(page(), "AAPL"));
        CliRun json = CliRun.in(ws, "run", "--task", "sp500_constituents", "--json", "--source-url",
                "sp500=" + server.url("/sp500"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(task(json).get("validation").get("warnings").toString())
                .contains("unexplained removal(s)", "AAPL (Apple Inc.)", "no weights known");
    }
}
