package com.twsrobot.maintenance.sources;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables read as the grid a reader sees: spans expanded, a two-row header named by both levels. */
class SpannedTableTest {

    private static SpannedTable of(String html) {
        return SpannedTable.of(Jsoup.parse(html).selectFirst("table"));
    }

    @Test
    void aTwoRowHeaderNamesEachColumnByBothLevelsAndRowspansFillEveryRowTheyCover() {
        SpannedTable t = of("<table><tr><th rowspan=2>Effective Date[a]</th><th colspan=2>Added</th><th rowspan=2>Reason</th></tr>"
                + "<tr><th>Ticker</th><th>Security</th></tr>"
                + "<tr><td rowspan=2>May 1, 2026</td><td>AAA</td><td>A Co</td><td rowspan=2>Why<sup class=reference>[1]</sup></td></tr>"
                + "<tr><td>BBB</td><td>B Co</td></tr>"
                + "<tr><td>May 2, 2026</td><td>CCC</td><td>C Co</td><td>Other</td></tr></table>");
        assertThat(t.headers()).containsExactly("effective date", "added ticker", "added security", "reason");
        assertThat(t.rows()).containsExactly(List.of("May 1, 2026", "AAA", "A Co", "Why"),
                List.of("May 1, 2026", "BBB", "B Co", "Why"), List.of("May 2, 2026", "CCC", "C Co", "Other"));
    }

    @Test
    void hugeSpansDoNotBlowTheGridUp() {
        SpannedTable t = of("<table><tr><th colspan=100000>A</th></tr><tr><td rowspan=100000 colspan=100000>x</td></tr>"
                + "<tr><td>y</td></tr></table>");
        assertThat(t.headers()).hasSize(SpannedTable.MAX_COLUMNS);
        assertThat(t.rows()).hasSize(2).allSatisfy(r -> assertThat(r).hasSize(SpannedTable.MAX_COLUMNS));
    }

    @Test
    void shortRowsReadAsEmptyCells() {
        SpannedTable t = of("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr></table>");
        assertThat(t.rows()).containsExactly(List.of("1", ""));
    }
}
