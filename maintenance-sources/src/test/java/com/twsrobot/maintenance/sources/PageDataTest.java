package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the pages state beside their members: the S&P 500 change table, the HSI weights, when the content was current. */
class PageDataTest {

    private static final String SP500 = Fixtures.page("wikipedia_sp500.html");
    private static final Instant SP500_EDITED = Instant.parse("2026-06-25T14:02:00Z");

    private static SourceResult sp500(String html) throws Exception {
        return new Sp500Source().parse(html, "https://x/sp500");
    }

    @Test
    void theSharedSp500PageGivesItsTwentyEightChangesHeaderBasedWithTheMembersAsBefore() throws Exception {
        SourceResult result = sp500(SP500);
        assertThat(result.table().rowCount()).isEqualTo(503);
        assertThat(result.warnings()).isEmpty();
        List<ChangeRecord> changes = result.changes();
        assertThat(changes).hasSize(28);
        assertThat(changes.get(0)).isEqualTo(new ChangeRecord(LocalDate.of(2026, 6, 22), Optional.of("FLEX"),
                Optional.of("Flex Ltd."), Optional.of("CPB"), Optional.of("Campbell's Company (The)"),
                "Market capitalization change.", "https://x/sp500, Selected changes, row 1"));
        assertThat(changes.get(1).addedSymbol()).contains("MRVL");
        assertThat(changes.get(1).removedSymbol()).contains("POOL");
        // The four-row rowspan group: date and reason carried into each of its rows.
        assertThat(changes.subList(5, 9)).allSatisfy(c -> {
            assertThat(c.effective()).isEqualTo(LocalDate.of(2026, 3, 23));
            assertThat(c.reason()).isEqualTo("Market capitalization change.");
        });
        assertThat(changes.subList(5, 9)).extracting(c -> c.addedSymbol().orElseThrow() + "/" + c.removedSymbol().orElseThrow())
                .containsExactly("COHR/LW", "LITE/MOH", "SATS/MTCH", "VRT/PAYC");
        assertThat(changes.get(7).addedName()).contains("EchoStar");
        assertThat(changes.get(7).where()).isEqualTo("https://x/sp500, Selected changes, row 8");
        // Footnote marks stripped from every reason; the oldest row is last.
        assertThat(changes).allSatisfy(c -> assertThat(c.reason()).doesNotContain("[").isNotBlank());
        assertThat(changes.get(2).reason()).isEqualTo("S&P 500 constituent FedEx spun off FedEx Freight.");
        assertThat(changes.get(27)).satisfies(c -> {
            assertThat(c.effective()).isEqualTo(LocalDate.of(2025, 3, 24));
            assertThat(c.addedSymbol()).contains("WSM");
            assertThat(c.removedSymbol()).contains("TFX");
        });
        assertThat(changes).noneMatch(c -> c.addedSymbol().isEmpty() || c.removedSymbol().isEmpty());
    }

    @Test
    void changeTickersAreNormalisedLikeMembersAndOneSidedRowsAreKept() throws Exception {
        String html = SP500.replace("<td>June 22, 2026</td>\n<td>FLEX</td>", "<td>June 22, 2026</td>\n<td>NYSE: brk.b</td>")
                .replaceFirst("<td>MRVL</td>\n<td><a href=\"/wiki/Marvell_Technology\" title=\"Marvell Technology\">"
                        + "Marvell Technology</a></td>", "<td></td>\n<td></td>");
        List<ChangeRecord> changes = sp500(html).changes();
        assertThat(changes.get(0).addedSymbol()).contains("BRK-B");
        assertThat(changes.get(1).addedSymbol()).isEmpty();
        assertThat(changes.get(1).addedName()).isEmpty();
        assertThat(changes.get(1).removedSymbol()).contains("POOL");
    }

    @Test
    void aChangeTableWithoutItsDateColumnIsAWarningAndNoRecordsNeverAFailure() throws Exception {
        SourceResult result = sp500(SP500.replace("<th rowspan=\"2\">Effective Date</th>", "<th rowspan=\"2\">When</th>"));
        assertThat(result.table().rowCount()).isEqualTo(503);
        assertThat(result.changes()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .contains("'Selected changes' table of https://x/sp500 not read: no Effective Date column")
                .contains("no change records");
    }

    @Test
    void rowsThatCannotBeReadAreNamedAndTheOthersKept() throws Exception {
        SourceResult result = sp500(SP500.replace("<td>June 1, 2026</td>", "<td>sometime in June</td>"));
        assertThat(result.changes()).hasSize(27);
        assertThat(result.warnings()).singleElement().asString()
                .contains("skipped 1 row(s)").contains("row 3: effective date 'sometime in June' is not a date");

        SourceResult noDates = sp500(SP500.replaceAll("<td( rowspan=\"4\")?>[A-Z][a-z]+ \\d{1,2}, 20\\d\\d</td>", "<td>?</td>"));
        assertThat(noDates.table().rowCount()).isEqualTo(503);
        assertThat(noDates.changes()).isEmpty();
        assertThat(noDates.warnings()).singleElement().asString().contains("not read: no row could be read");
    }

    @Test
    void aPageWithoutAChangeTableGivesNoRecordsAndNoWarning() throws Exception {
        int start = SP500.indexOf("<table class=\"wikitable sortable sticky-header\" id=\"changes\">");
        int end = SP500.indexOf("</table>", start) + "</table>".length();
        SourceResult result = sp500(SP500.substring(0, start) + SP500.substring(end));
        assertThat(result.table().rowCount()).isEqualTo(503);
        assertThat(result.changes()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void theOtherBundledPagesStillParseAsBeforeAndStateNoChanges() throws Exception {
        SourceResult sti = new StiSource().parse(Fixtures.page("wikipedia_sti.html"), "https://x/sti");
        assertThat(sti.table().rowCount()).isEqualTo(30);
        assertThat(sti.changes()).isEmpty();
        assertThat(sti.weights()).isEmpty();
        assertThat(sti.content().asOf()).contains(Instant.parse("2026-06-24T09:15:00Z"));
    }

    @Test
    void theHsiPageGivesEveryMembersWeighting() throws Exception {
        SourceResult result = new HsiSource().parse(Fixtures.page("wikipedia_hsi.html"), "https://x/hsi");
        assertThat(result.table().rowCount()).isEqualTo(85);
        assertThat(result.warnings()).isEmpty();
        Map<String, Double> weights = result.weights();
        assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(result.table().symbols());
        assertThat(weights.get("0001.HK")).isEqualTo(1.01);
        assertThat(weights.get("0002.HK")).isEqualTo(0.84);
        assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100.0, within(0.05));
        assertThat(result.content().asOf()).contains(Instant.parse("2026-06-12T04:22:00Z"));
    }

    @Test
    void aWeightThatIsNotANumberIsLeftOutAndNamed() throws Exception {
        String html = Fixtures.page("wikipedia_hsi.html").replaceFirst("<td>1\\.01\n</td>", "<td>n/a\n</td>");
        SourceResult result = new HsiSource().parse(html, "https://x/hsi");
        assertThat(result.table().rowCount()).isEqualTo(85);
        assertThat(result.weights()).hasSize(84).doesNotContainKey("0001.HK");
        assertThat(result.warnings()).singleElement().asString().contains("0001.HK 'n/a'");
    }

    @Test
    void contentIsDatedByTheLastEditedLineWithItsOrigin(@TempDir Path dir) throws Exception {
        ContentDate live = sp500(SP500).content();
        assertThat(live).isEqualTo(new ContentDate(Optional.of(SP500_EDITED), "the page's last-edited line",
                ContentDate.Origin.LIVE));

        Path saved = dir.resolve("sp500.html");
        Files.writeString(saved, SP500, StandardCharsets.UTF_8);
        SourceContext fileContext = new SourceContext(Map.of("sp500", saved.toUri().toString()), false, Clock.systemUTC());
        ContentDate file = new Sp500Source().fetch(fileContext).content();
        assertThat(file.origin()).isEqualTo(ContentDate.Origin.FILE);
        assertThat(file.asOf()).contains(SP500_EDITED);

        SourceContext snapshot = new SourceContext(Map.of(), true, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"),
                ZoneOffset.UTC));
        for (WikipediaIndexSource source : List.of(new Sp500Source(), new StiSource(), new HsiSource())) {
            ContentDate bundled = source.fetch(snapshot).content();
            assertThat(bundled.origin()).as(source.index()).isEqualTo(ContentDate.Origin.SNAPSHOT);
            assertThat(bundled.basis()).isEqualTo("the page's last-edited line");
        }
        assertThat(new Sp500Source().fetch(snapshot).content().asOf()).contains(SP500_EDITED);
        assertThat(new Sp500Source().fetch(snapshot).changes()).hasSize(28);
    }

    @Test
    void withoutALastEditedLineTheAnswersLastModifiedDatesIt() throws Exception {
        String undated = SP500.replaceAll("This page was last edited on [^<]*", "");
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/sp500", FixtureServer.Response.html(undated)
                    .withHeader("Last-Modified", "Wed, 24 Jun 2026 08:30:00 GMT"));
            server.script("/plain", FixtureServer.Response.html(undated));
            SourceContext context = new SourceContext(Map.of("sp500", server.url("/sp500")), false, Clock.systemUTC());
            ContentDate dated = new Sp500Source().fetch(context).content();
            assertThat(dated).isEqualTo(new ContentDate(Optional.of(Instant.parse("2026-06-24T08:30:00Z")),
                    "Last-Modified", ContentDate.Origin.LIVE));

            ContentDate unknown = new Sp500Source().fetch(new SourceContext(Map.of("sp500", server.url("/plain")), false,
                    Clock.systemUTC())).content();
            assertThat(unknown).isEqualTo(ContentDate.unknown(ContentDate.Origin.LIVE));
        }
    }

    @Test
    void aBundledCopyWithoutALastEditedLineIsDatedByTheBundle() throws Exception {
        ContentDate date = PageContentDate.of(org.jsoup.Jsoup.parse("<p>no footer</p>"),
                "snapshot:wikipedia_sp500.html (bundled copy as of 2026-06-28)", Optional.empty(),
                Optional.of(LocalDate.parse(WikipediaIndexSource.SNAPSHOT_DATE)));
        assertThat(date).isEqualTo(new ContentDate(Optional.of(Instant.parse("2026-06-28T00:00:00Z")),
                "the date the bundle records", ContentDate.Origin.SNAPSHOT));
    }

    @Test
    void theTestkitsChangedCopiesChangeOnlyWhatTheySay() throws Exception {
        SourceResult without = sp500(com.twsrobot.maintenance.testkit.Pages.withoutMembers(SP500, "AAPL", "AMZN"));
        assertThat(without.table().rowCount()).isEqualTo(501);
        assertThat(without.table().symbols()).doesNotContain("AAPL", "AMZN").contains("MSFT", "BRK-B");
        assertThat(without.changes()).isEqualTo(sp500(SP500).changes());

        SourceResult renamed = sp500(com.twsrobot.maintenance.testkit.Pages.withChangeRow(SP500, "July 1, 2026", "ECHO",
                "EchoStar", "SATS", "EchoStar", "Ticker change."));
        assertThat(renamed.changes()).hasSize(29);
        assertThat(renamed.changes().get(0)).isEqualTo(new ChangeRecord(LocalDate.of(2026, 7, 1), Optional.of("ECHO"),
                Optional.of("EchoStar"), Optional.of("SATS"), Optional.of("EchoStar"), "Ticker change.",
                "https://x/sp500, Selected changes, row 1"));
        assertThat(renamed.changes().get(1).addedSymbol()).contains("FLEX");
        assertThat(renamed.table().rowCount()).isEqualTo(503);
    }
}
