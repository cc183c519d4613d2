package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.constituents.Enrichment;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each adapter against the offline copies of the real pages, checked against the host's real files. */
class OfflinePagesTest {

    private static ConstituentTable current(String file) throws Exception {
        return ConstituentFile.parse(Fixtures.currentConstituents(file), file).table();
    }

    private static ConstituentTable previous(String file) throws Exception {
        return ConstituentFile.parse(Fixtures.previousConstituents(file), file).table();
    }

    @Test
    void sp500PageGivesExactlyTheRealFile() throws Exception {
        SourceResult result = new Sp500Source().parse(Fixtures.page("wikipedia_sp500.html"), "https://x/sp500");
        assertThat(result.table().rowCount()).isEqualTo(503);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.table().rows()).containsExactlyInAnyOrderElementsOf(current("sp500_constituents.csv").rows());
        Map<String, ConstituentRow> bySymbol = result.table().bySymbol();
        assertThat(bySymbol.get("BRK-B").security()).isEqualTo("Berkshire Hathaway");
        assertThat(bySymbol).containsKey("BF-B");
    }

    @Test
    void stiPageGivesTheRealSymbolsAndNamesWithoutSectors() throws Exception {
        SourceResult result = new StiSource().parse(Fixtures.page("wikipedia_sti.html"), "https://x/sti");
        assertThat(result.table().rowCount()).isEqualTo(30);
        ConstituentTable real = current("sti_constituents.csv");
        assertThat(result.table().symbols()).containsExactlyInAnyOrderElementsOf(real.symbols());
        Map<String, ConstituentRow> bySymbol = result.table().bySymbol();
        assertThat(bySymbol.get("D05.SI").displaySymbol()).isEqualTo("D05");
        assertThat(bySymbol.get("BS6.SI").security()).isEqualTo("Yangzijiang Shipbuilding Holdings");
        assertThat(result.table().rows()).allMatch(r -> r.sector().isEmpty() && r.subIndustry().isEmpty());
        for (ConstituentRow row : real.rows()) {
            assertThat(Enrichment.normaliseName(bySymbol.get(row.symbol()).security()))
                    .isEqualTo(Enrichment.normaliseName(row.security()));
        }
    }

    @Test
    void stiEnrichedFromThePreviousFileReproducesTheCurrentFile() throws Exception {
        SourceResult result = new StiSource().parse(Fixtures.page("wikipedia_sti.html"), "https://x/sti");
        Enrichment.Result enriched = Enrichment.fill(result.table(), previous("sti_constituents.csv"));
        Map<String, ConstituentRow> real = current("sti_constituents.csv").bySymbol();
        for (ConstituentRow row : enriched.table().rows()) {
            assertThat(row.sector()).as(row.symbol()).isEqualTo(real.get(row.symbol()).sector());
            assertThat(row.subIndustry()).as(row.symbol()).isEqualTo(real.get(row.symbol()).subIndustry());
        }
        // by name: the ticker changes T39 -> 5E2 (Seatrium) and C31 -> 9CI (CapitaLand Investment)
        assertThat(enriched.table().bySymbol().get("5E2.SI").sector()).isEqualTo("Industrials");
        assertThat(enriched.table().bySymbol().get("9CI.SI").subIndustry()).isEqualTo("Diversified Real Estate Activities");
        assertThat(enriched.table().bySymbol().get("AJBU.SI").sector()).isEmpty();
        assertThat(enriched.filledRows()).isEqualTo(27);
    }

    @Test
    void hsiPageGivesExactlyTheRealFile() throws Exception {
        SourceResult result = new HsiSource().parse(Fixtures.page("wikipedia_hsi.html"), "https://x/hsi");
        assertThat(result.table().rowCount()).isEqualTo(85);
        assertThat(result.table().rows()).containsExactlyInAnyOrderElementsOf(current("hsi_constituents.csv").rows());
        assertThat(result.table().bySymbol().get("0005.HK").displaySymbol()).isEqualTo("0005");
    }

    @Test
    void hsiEnrichedFromThePreviousFileFillsSubIndustryButKeepsThePageSector() throws Exception {
        SourceResult result = new HsiSource().parse(Fixtures.page("wikipedia_hsi.html"), "https://x/hsi");
        Enrichment.Result enriched = Enrichment.fill(result.table(), previous("hsi_constituents.csv"));
        assertThat(enriched.filledRows()).isEqualTo(45);
        ConstituentRow tencent = enriched.table().bySymbol().get("0700.HK");
        assertThat(tencent.sector()).isEqualTo("Commerce & Industry");
        assertThat(tencent.subIndustry()).isEqualTo("Internet Content & Information");
    }

    @Test
    void previousToCurrentDifferencesAreTheRealOnes() throws Exception {
        SourceResult result = new Sp500Source().parse(Fixtures.page("wikipedia_sp500.html"), "u");
        var diff = com.twsrobot.maintenance.api.TableDiff.between(previous("sp500_constituents.csv"),
                result.table());
        assertThat(diff.added().stream().map(c -> c.symbol() + "=" + c.security()).collect(Collectors.toList()))
                .containsExactly("ECHO=EchoStar", "FDXF=FedEx Freight", "FLEX=Flex Ltd.", "MRVL=Marvell Technology");
        assertThat(diff.removed().stream().map(c -> c.symbol()).toList()).containsExactly("CPB", "EPAM", "POOL", "SATS");
    }

    @Test
    void snapshotModeReadsTheBundledCopies() throws Exception {
        var context = new com.twsrobot.maintenance.api.SourceContext(Map.of(), true, java.time.Clock.systemUTC());
        for (WikipediaIndexSource source : List.of(new Sp500Source(), new StiSource(), new HsiSource())) {
            SourceResult result = source.fetch(context);
            assertThat(result.source()).startsWith("snapshot:").contains(WikipediaIndexSource.SNAPSHOT_DATE);
            assertThat(result.table().rowCount()).isIn(503, 30, 85);
        }
    }
}
