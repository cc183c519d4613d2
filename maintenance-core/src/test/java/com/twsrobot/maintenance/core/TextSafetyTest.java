package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.report.ReportMarkdown;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values a spreadsheet would run, control characters, U+FFFD and markup never reach a file or a report raw. */
class TextSafetyTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    /** 80 HSI rows, the fifth (symbol 0005.HK) carrying {@code value} in {@code field}. */
    private static List<ConstituentRow> rowsWith(String field, String value) {
        List<ConstituentRow> rows = new ArrayList<>(Rows.hkexCodes(80));
        ConstituentRow r = rows.get(4);
        rows.set(4, new ConstituentRow(r.symbol(), r.displaySymbol(), field.equals("security") ? value : r.security(),
                field.equals("sector") ? value : r.sector(), field.equals("sub_industry") ? value : r.subIndustry(),
                Map.of()));
        return rows;
    }

    private RunReport apply(List<ConstituentRow> rows, MaintenanceRunnerBuilder extra) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        MaintenanceRunner runner = extra.churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(FakeSource.returning("hsi", rows)).build();
        return runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.invalid/x\",\"click\")", "+SUM(1,2)",
            "@SUM(1)", "-2+3", "\tSUM(1)", "\rSUM(1)"})
    void aFormulaNameFailsNamingIndexSymbolFieldAndTheOverrideAndChangesNothing(String name) {
        String symbol = Rows.hkexCodes(80).get(4).symbol();
        byte[] before = ws.readData("hsi_constituents.csv");

        RunReport report = apply(rowsWith("security", name), MaintenanceRunner.builder());

        TaskResult task = report.results().get(0);
        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.validation().errors()).singleElement().asString()
                .contains("hsi symbol '" + symbol + "' field security")
                .contains(name.startsWith("\t") || name.startsWith("\r") ? name.substring(1) : name)
                .contains("a spreadsheet would run it as a formula")
                .contains("text_safety.allow_leading");
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(before);
    }

    @Test
    void aControlCharacterFailsNamingSymbolAndField() {
        String symbol = Rows.hkexCodes(80).get(4).symbol();
        byte[] before = ws.readData("hsi_constituents.csv");

        RunReport report = apply(rowsWith("sector", "Fin\u0007ance"), MaintenanceRunner.builder());

        assertThat(report.results().get(0).validation().errors()).singleElement().asString()
                .contains("hsi symbol '" + symbol + "' field sector = 'Fin\\u0007ance'")
                .contains("control character \\u0007 at position 4");
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(before);
    }

    @Test
    void invalidUtf8FailsNamingSymbolAndField() {
        // What a source's decoder makes of invalid UTF-8: U+FFFD in place of the bad bytes.
        String decoded = new String(new byte[]{'H', 'S', 'B', (byte) 0xC3, '(', 'C'}, StandardCharsets.UTF_8);
        assertThat(decoded).contains("\uFFFD");
        String symbol = Rows.hkexCodes(80).get(4).symbol();
        byte[] before = ws.readData("hsi_constituents.csv");

        RunReport report = apply(rowsWith("security", decoded), MaintenanceRunner.builder());

        assertThat(report.results().get(0).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.results().get(0).validation().errors()).singleElement().asString()
                .contains("hsi symbol '" + symbol + "' field security").contains("U+FFFD at position 4");
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(before);
    }

    @Test
    void markupFails() {
        RunReport report = apply(rowsWith("security", "Evil <img src=x onerror=alert(1)> Ltd"), MaintenanceRunner.builder());

        assertThat(report.results().get(0).validation().errors()).singleElement().asString().contains("(markup)");
    }

    @Test
    void theOverrideAcceptsARealNameStartingWithAnAllowedCharacterOnly() {
        RunReport allowed = apply(rowsWith("security", "-Minus Holdings"),
                MaintenanceRunner.builder().textSafetyAllowLeading("-"));
        assertThat(allowed.results().get(0).validation().errors()).isEmpty();
        assertThat(new String(ws.readData("hsi_constituents.csv"), StandardCharsets.UTF_8)).contains("-Minus Holdings");

        RunReport stillRefused = apply(rowsWith("security", "=Equals Holdings"),
                MaintenanceRunner.builder().textSafetyAllowLeading("-"));
        assertThat(stillRefused.results().get(0).validation().errors()).singleElement().asString().contains("'='");

        assertThatThrownBy(() -> MaintenanceRunner.builder().textSafetyAllowLeading("\t"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("text_safety.allow_leading");
    }

    @Test
    void theOverrideIsAConfigKey() throws Exception {
        java.nio.file.Path config = ws.root().resolve("maintenance.properties");
        java.nio.file.Files.writeString(config, "text_safety.allow_leading = =-\n");
        RunReport allowed = apply(rowsWith("security", "=Equals Holdings"),
                MaintenanceConfig.load(config).applyTo(MaintenanceRunner.builder()));
        assertThat(allowed.results().get(0).validation().errors()).isEmpty();

        java.nio.file.Files.writeString(config, "text_safety.allow_leading = <\n");
        assertThatThrownBy(() -> MaintenanceConfig.load(config).applyTo(MaintenanceRunner.builder()))
                .hasMessageContaining("text_safety.allow_leading may hold only the characters =+-@");
    }

    @Test
    void everyRealListPasses() throws Exception {
        for (String kind : List.of("current", "previous")) {
            for (String file : List.of("sp500_constituents.csv", "sti_constituents.csv", "hsi_constituents.csv")) {
                byte[] bytes = kind.equals("current") ? Fixtures.currentConstituents(file) : Fixtures.previousConstituents(file);
                var table = ConstituentFile.parse(bytes, file).table();
                var spec = TestIndexes.ALL.stream().filter(s -> s.fileName().equals(file)).findFirst().orElseThrow();
                var result = new com.twsrobot.maintenance.core.validation.TextSafetyValidator().validate(
                        new com.twsrobot.maintenance.api.ValidationInput(spec, table, java.util.Optional.empty(),
                                new com.twsrobot.maintenance.api.ValidationPolicy(0, 0.1, 0.25, false), table.rowCount()));
                assertThat(result.errors()).as(kind + "/" + file).isEmpty();
            }
        }
    }

    @Test
    void theMarkdownReportEscapesHtmlAndPipesInEveryValue() {
        String name = "<img src=x onerror=alert(1)> A | B";
        TaskResult task = TaskResult.builder("hsi_<b>constituents</b>", true, Instant.parse("2026-06-24T00:15:00Z"))
                .source("https://example.invalid/<script>").added(List.of(new SymbolChange("0005.HK", name)))
                .detail("changed_rows", List.of(Map.of("symbol", "0005.HK", "field", "security", "old", "x", "new", name)))
                .warning("a warning about " + name).finish(Instant.parse("2026-06-24T00:15:01Z"));
        RunReport report = new RunReport("maintenance_20260624_001500", TaskStatus.SUCCESS, true,
                Instant.parse("2026-06-24T00:15:00Z"), Instant.parse("2026-06-24T00:15:01Z"), 1, List.of(task),
                List.of("run warning " + name), List.of(), RunDetail.none());

        String md = ReportMarkdown.write(report);

        assertThat(md).doesNotContain("<img").doesNotContain("<script").doesNotContain("<b>").doesNotContain("A | B");
        assertThat(md).contains("&lt;img src=x onerror=alert(1)&gt; A &#124; B");
    }
}
