package com.twsrobot.maintenance.sources.holdings;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.MembershipList;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.sources.Sp500Source;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The funds' real holdings files as a second opinion on the S&P 500. */
class HoldingsTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    static byte[] file(String name) throws Exception {
        try (InputStream in = HoldingsTest.class.getResourceAsStream("/holdings/" + name)) {
            return in.readAllBytes();
        }
    }

    private static MembershipList read(String name) throws Exception {
        return name.endsWith(".csv") ? HoldingsFiles.ivvCsv(file(name), "ivv", name) : HoldingsFiles.spyXlsx(file(name),
                "spy", name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ivv_2023-04-06.csv,2023-04-06", "ivv_2024-12-06.csv,2024-12-06", "spy_2024-05-10.xlsx,2024-05-10",
            "spy_2025-02-07.xlsx,2025-02-07"})
    void eachRealFileIsExactly503MembersInTheIndexsNormalForm(String name, String asOf) throws Exception {
        MembershipList list = read(name);
        assertThat(list.noData()).isFalse();
        assertThat(list.asOf()).contains(LocalDate.parse(asOf));
        assertThat(list.members()).hasSize(503).containsKeys("BRK-B", "AAPL", "MSFT")
                .doesNotContainKeys("BRKB", "BRK.B", "USD", "XTSLA", "UBFUT", "ESM3", "ESZ4", "-", "MRP", "ETD_USD");
        assertThat(list.members().keySet()).allMatch(s -> s.matches("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ivv_2023-04-06.csv,7.12,1.64", "ivv_2024-12-06.csv,7.15,1.67", "spy_2024-05-10.xlsx,6.053475,",
            "spy_2025-02-07.xlsx,6.727683,"})
    void everyMembersWeightIsTheFilesValue(String name, double apple, Double berkshire) throws Exception {
        MembershipList list = read(name);
        assertThat(list.weights().keySet()).containsExactlyInAnyOrderElementsOf(list.members().keySet());
        assertThat(list.weights().get("AAPL")).isEqualTo(apple);
        if (berkshire != null) {
            assertThat(list.weights().get("BRK-B")).isEqualTo(berkshire); // the file's BRKB
        }
        // A fund holds (nearly) its whole value in the members: cash and futures lines carry the rest.
        assertThat(list.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(98.0, 100.5);
    }

    @Test
    void spyWeightsAreReadFromTheWeightColumn() throws Exception {
        MembershipList may = read("spy_2024-05-10.xlsx");
        assertThat(may.weights()).containsEntry("MSFT", 7.020973).containsEntry("NVDA", 5.057755)
                .containsEntry("AMZN", 3.904366);
        assertThat(may.weights()).doesNotContainKey("-");
    }

    @Test
    void brownFormanKeepsItsShareClassInEveryFileThatHoldsIt() throws Exception {
        assertThat(read("ivv_2024-12-06.csv").members()).containsKey("BF-B");
        assertThat(read("spy_2024-05-10.xlsx").members()).containsKey("BF-B").containsEntry("AAPL", "APPLE INC");
    }

    @Test
    void aNoDataAnswerIsNoDataNeverZeroMembers() throws Exception {
        String noData = "\uFEFFiShares Core S&P 500 ETF\nFund Holdings as of,\"-\"\nInception Date,\"May 15, 2000\"\n"
                + "Shares Outstanding,\"-\"\nStock,\"-\"\nBond,\"-\"\nCash,\"-\"\nOther,\"-\"\n\u00A0\n";
        MembershipList list = HoldingsFiles.ivvCsv(noData.getBytes(StandardCharsets.UTF_8), "ivv", "u");
        assertThat(list.noData()).isTrue();
        assertThat(list.members()).isEmpty();
        assertThatThrownBy(() -> HoldingsFiles.ivvCsv("<html>nope</html>".getBytes(StandardCharsets.UTF_8), "ivv", "u"))
                .isInstanceOf(SourceException.class).hasMessageContaining("not an iShares holdings file");
    }

    /** An IVV-format file holding the page's members with {@code drop} removed and {@code add} added, as of a date. */
    private static String ivvFile(List<String> drop, List<String> add, LocalDate asOf) throws Exception {
        List<ConstituentRow> rows = new Sp500Source().parse(Fixtures.page("wikipedia_sp500.html"), "u").table().rows();
        StringBuilder csv = new StringBuilder("\uFEFFiShares Core S&P 500 ETF\nFund Holdings as of,\""
                + asOf.format(java.time.format.DateTimeFormatter.ofPattern("MMM dd, yyyy", java.util.Locale.ENGLISH))
                + "\"\nInception Date,\"May 15, 2000\"\nShares Outstanding,\"1.00\"\nStock,\"-\"\nBond,\"-\"\nCash,\"-\"\n"
                + "Other,\"-\"\n\u00A0\nTicker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,"
                + "Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date\n");
        List<String> tickers = new ArrayList<>();
        rows.forEach(r -> tickers.add(r.symbol()));
        tickers.removeAll(drop);
        tickers.addAll(add);
        for (String t : tickers) {
            String ticker = t.equals("BRK-B") ? "BRKB" : t.equals("BF-B") ? "BFB" : t;
            csv.append("\"").append(ticker).append("\",\"NAME OF ").append(ticker).append("\",\"X\",\"Equity\",\"1.00\","
                    + "\"0.10\",\"1.00\",\"1.00\",\"1.00\",\"United States\",\"NYSE\",\"USD\",\"1.00\",\"USD\",\"-\"\n");
        }
        csv.append("\"USD\",\"USD CASH\",\"Cash and/or Derivatives\",\"Cash\",\"1.00\",\"0.00\",\"1.00\",\"1.00\",\"100.00\","
                + "\"United States\",\"-\",\"USD\",\"1.00\",\"USD\",\"-\"\n\u00A0\n\"The content contained herein...\n"
                + "more disclaimer\"\n");
        return csv.toString();
    }

    private TaskResult dryRunWith(String holdingsCsv, LocalDate today) throws Exception {
        Path holdings = ws.root().resolve("ivv.csv");
        Files.writeString(holdings, holdingsCsv);
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at(today + "T02:00:00Z")).progressListener(m -> { }).build();
        RunReport report = runner.run(RunRequest.builder().task("sp500_constituents").snapshot(true)
                .sourceUrl("sp500-holdings-ivv", holdings.toUri().toString()).build());
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void aFundDifferingByTwoIsANoteAndByTwelveFailsThePreview() throws Exception {
        LocalDate today = LocalDate.parse("2026-06-30");
        TaskResult two = dryRunWith(ivvFile(List.of("AAPL"), List.of("ZZZA"), today.minusDays(2)), today);
        assertThat(two.status()).as(two.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(two.validation().warnings()).noneMatch(w -> w.contains("sp500-holdings-ivv"));
        JsonNode opinion = ReportJson.mapper().valueToTree(com.twsrobot.maintenance.core.report.TaskDetails.toMap(two.detail()).get("second_opinion")).get(0);
        assertThat(opinion.get("status").asText()).isEqualTo("note");
        assertThat(opinion.get("only_on_page").toString()).contains("\"symbol\":\"AAPL\"", "Apple Inc.");
        assertThat(opinion.get("only_in_source").toString()).contains("\"symbol\":\"ZZZA\"", "NAME OF ZZZA");

        List<String> dropped = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META");
        List<String> added = List.of("ZZZA", "ZZZB", "ZZZC", "ZZZD", "ZZZE", "ZZZF");
        TaskResult twelve = dryRunWith(ivvFile(dropped, added, today), today);
        assertThat(twelve.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(twelve.validation().errors()).anySatisfy(e -> assertThat(e)
                .startsWith("sp500-holdings-ivv (as of 2026-06-30) disagrees on 12 symbols").contains("AAPL (Apple Inc.)"));
    }

    @Test
    void anOldOrEmptyFundFileIsReportedAsSkipped() throws Exception {
        LocalDate today = LocalDate.parse("2026-06-30");
        TaskResult old = dryRunWith(ivvFile(List.of(), List.of(), today.minusDays(8)), today);
        Map<?, ?> opinion = (Map<?, ?>) ((List<?>) com.twsrobot.maintenance.core.report.TaskDetails.toMap(old.detail()).get("second_opinion")).get(0);
        assertThat(opinion.get("status")).isEqualTo("skipped");
        assertThat(String.valueOf(opinion.get("reason"))).contains("as of 2026-06-22, more than 7 days before the run");
        assertThat(old.status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);

        TaskResult none = dryRunWith("\uFEFFiShares Core S&P 500 ETF\nFund Holdings as of,\"-\"\n", today);
        Map<?, ?> noData = (Map<?, ?>) ((List<?>) com.twsrobot.maintenance.core.report.TaskDetails.toMap(none.detail()).get("second_opinion")).get(0);
        assertThat(noData.get("status")).isEqualTo("skipped");
        assertThat(String.valueOf(noData.get("reason"))).contains("no data for its date");
    }

    /** A holdings download over the runner's body cap is refused once: the server sees one request, not three. */
    @Test
    void aDownloadOverTheBodyCapIsAskedForOnce() throws Exception {
        try (com.twsrobot.maintenance.testkit.FixtureServer server = com.twsrobot.maintenance.testkit.FixtureServer.start()) {
            server.script("/ivv.csv", com.twsrobot.maintenance.testkit.FixtureServer.Response.of(200, "text/csv",
                    new String(file("ivv_2024-12-06.csv"), StandardCharsets.UTF_8)));
            com.twsrobot.maintenance.api.SourceContext context = new com.twsrobot.maintenance.api.SourceContext(Map.of(),
                    false, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(10),
                    com.twsrobot.maintenance.api.HttpSettings.DEFAULT.withMaxBodyBytes(10_000));
            assertThatThrownBy(() -> new FundHoldingsSource.Ivv().fetch(server.url("/ivv.csv"), context))
                    .isInstanceOf(SourceException.class).hasMessageContaining("larger than 10000 bytes");
            assertThat(server.hits("/ivv.csv")).isEqualTo(1);
        }
    }

    @Test
    void withoutItsUrlKeyNoSecondOpinionIsRead() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .progressListener(m -> { }).build();
        TaskResult result = runner.run(RunRequest.builder().task("sp500_constituents").snapshot(true).build())
                .results().get(0);
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.detail())).doesNotContainKey("second_opinion");
    }
}
