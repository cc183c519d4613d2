package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.SourceFacts;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.TestIndexes;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Change classification, renames, heavy removals and watched names, each on its own. */
class ChangeJudgementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 20);

    private static ChangeRecord record(String date, String added, String addedName, String removed, String removedName,
                                       String reason) {
        return new ChangeRecord(LocalDate.parse(date), Optional.ofNullable(added), Optional.ofNullable(addedName),
                Optional.ofNullable(removed), Optional.ofNullable(removedName), reason, "test, row 1");
    }

    @Test
    void aRecordAfterTheRunsDayIsPendingOneBeforeIsExplained() {
        List<ChangeRecord> changes = List.of(
                record("2026-06-22", "FLEX", "Flex Ltd.", "CPB", "Campbell's", "Market capitalization change."),
                record("2026-06-01", "FDXF", "FedEx Freight", "EPAM", "EPAM Systems", "Spin-off."));
        ChangeAnalysis a = ChangeAnalysis.of(List.of(new SymbolChange("FLEX", "Flex Ltd."), new SymbolChange("FDXF", "FedEx Freight"),
                        new SymbolChange("NEWCO", "New Co")),
                List.of(new SymbolChange("CPB", "Campbell's"), new SymbolChange("EPAM", "EPAM Systems")), changes, DAY);
        assertThat(a.added()).extracting(e -> e.change().symbol() + ":" + e.kind())
                .containsExactly("FLEX:PENDING", "FDXF:EXPLAINED", "NEWCO:UNEXPLAINED");
        assertThat(a.removed()).extracting(e -> e.change().symbol() + ":" + e.kind())
                .containsExactly("CPB:PENDING", "EPAM:EXPLAINED");
        assertThat(a.added().get(0).toMap()).containsEntry("effective", "2026-06-22")
                .containsEntry("reason", "Market capitalization change.");
        assertThat(a.renames()).isEmpty();
        assertThat(a.replaced()).isEqualTo(3);
    }

    @Test
    void aRecordNamingTheSameCompanyOnBothSidesIsARenameKeepingItsClassification() {
        List<ChangeRecord> changes = List.of(record("2022-06-09", "META", "Meta Platforms", "FB", "Meta Platforms", "Ticker change."));
        ChangeAnalysis a = ChangeAnalysis.of(List.of(new SymbolChange("META", "Meta Platforms")),
                List.of(new SymbolChange("FB", "Facebook, Inc.")), changes, DAY);
        assertThat(a.renames()).singleElement().satisfies(r -> {
            assertThat(r.arrow()).isEqualTo("FB → META");
            assertThat(r.kind()).isEqualTo(ChangeAnalysis.Kind.EXPLAINED);
            assertThat(r.basis()).isEqualTo("change record");
        });
        assertThat(a.added()).isEmpty();
        assertThat(a.removed()).isEmpty();
        assertThat(a.replaced()).isEqualTo(1);
    }

    @Test
    void aSymbolRemovedSinceItsAdditionIsNotExplainedByTheOldRecord() {
        List<ChangeRecord> changes = List.of(record("2024-01-02", null, null, "XYZ", "Xyz", "Gone."),
                record("2015-01-02", "XYZ", "Xyz", null, null, "Joined."));
        ChangeAnalysis a = ChangeAnalysis.of(List.of(new SymbolChange("XYZ", "Xyz")), List.of(), changes, DAY);
        assertThat(a.added()).singleElement().extracting(ChangeAnalysis.Entry::kind)
                .isEqualTo(ChangeAnalysis.Kind.UNEXPLAINED);
    }

    private static ConstituentTable table(String... symbolAndName) {
        List<ConstituentRow> rows = new ArrayList<>();
        for (int i = 0; i < symbolAndName.length; i += 2) {
            rows.add(ConstituentRow.of(symbolAndName[i], symbolAndName[i + 1], "S", "I"));
        }
        return ConstituentTable.of(false, rows);
    }

    private static ValidationResult judge(ConstituentTable before, ConstituentTable after, SourceFacts facts,
                                          boolean allow) {
        ValidationPolicy policy = new ValidationPolicy(0, 1, 1, allow, 1, 1, 1.0);
        return new ChangeRecordValidator().validate(new ValidationInput(TestIndexes.SP500, after, Optional.of(before), policy,
                after.rowCount(), List.of(), Optional.of(facts)));
    }

    @Test
    void theHeavyShareIsTheOneConfiguredAndThePagesOwnWeightsCount() {
        ConstituentTable before = table("A", "Alpha", "B", "Beta", "C", "Gamma");
        ConstituentTable after = table("A", "Alpha");
        SourceFacts facts = new SourceFacts(DAY, List.of(), Map.of("B", 1.5, "C", 0.9), Map.of());
        ValidationResult r = judge(before, after, facts, false);
        assertThat(r.status()).isEqualTo(ValidationStatus.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("B (Beta, 1.50 % in the page's weights)")
                .doesNotContain("Gamma");
        assertThat(r.errors().get(0)).contains("(the source states no change records)");
        // Without change records nothing explains a light removal either: it is listed as unexplained.
        assertThat(r.warnings()).singleElement().asString().contains("1 unexplained removal(s) (the source states no "
                + "change records): C (Gamma, 0.90 % in the page's weights)");
        ValidationResult withRecords = judge(before, after, new SourceFacts(DAY, List.of(record("2020-01-02", "A", "Alpha",
                null, null, "")), Map.of("B", 1.5, "C", 0.9), Map.of()), false);
        assertThat(withRecords.warnings()).singleElement().asString().contains("1 unexplained removal(s), not in the page's "
                + "change table: C (Gamma, 0.90 % in the page's weights)");
        ValidationResult higher = new ChangeRecordValidator().validate(new ValidationInput(TestIndexes.SP500, after,
                Optional.of(before), new ValidationPolicy(0, 1, 1, false, 1, 1, 2.0), 1, List.of(), Optional.of(facts)));
        assertThat(higher.errors()).isEmpty();
    }

    @Test
    void churnCountsARenameOnceAndNamesIt() {
        ConstituentTable before = table("A", "Alpha", "FB", "Meta Platforms", "C", "Gamma", "D", "Delta");
        ConstituentTable after = table("A", "Alpha", "META", "Meta Platforms Inc.", "C", "Gamma", "E", "Epsilon");
        ValidationResult r = new ChurnValidator().validate(new ValidationInput(TestIndexes.SP500, after, Optional.of(before),
                new ValidationPolicy(0, 1, 1, false, 0.01, 1), 4));
        // FB → META is one change, D → E another: 2 of 4, not 3 or 4.
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("membership churn: 2 of 4 symbols replaced (50.0%: +1 / -1, 1 renamed FB → META); added E; removed D");
    }

    @Test
    void aSavedPlanIsNotJudgedAgain() {
        ValidationResult r = new ChangeRecordValidator().validate(new ValidationInput(TestIndexes.SP500, table("A", "Alpha"),
                Optional.of(table("A", "Alpha", "B", "Beta")), new ValidationPolicy(0, 1, 1, false), 1));
        assertThat(r.status()).isEqualTo(ValidationStatus.PASSED);
    }

    private static ConstituentRow named(ConstituentRow r, String name) {
        return ConstituentRow.of(r.symbol(), r.displaySymbol(), name, r.sector(), r.subIndustry());
    }

    /** The real STI file with the first {@code n} company names rewritten beyond normalisation. */
    @ParameterizedTest
    @CsvSource({"3,PASSED", "4,WARNING", "11,FAILED"})
    void stiNamesRewritten(int n, ValidationStatus expected) throws Exception {
        ConstituentTable current = ConstituentFile.parse(Fixtures.currentConstituents("sti_constituents.csv"), "sti")
                .table();
        assertThat(current.symbolCount()).isEqualTo(30);
        List<ConstituentRow> rows = new ArrayList<>(current.rows());
        for (int i = 0; i < n; i++) {
            ConstituentRow r = rows.get(i);
            rows.set(i, named(r, "Rewritten Name " + i));
        }
        ConstituentTable proposed = current.withRows(rows);
        ValidationResult r = new NameChangeValidator().validate(new ValidationInput(TestIndexes.STI, proposed,
                Optional.of(current), new ValidationPolicy(0, 1, 1, false), 30));
        assertThat(r.status()).isEqualTo(expected);
        if (expected != ValidationStatus.PASSED) {
            String message = (expected == ValidationStatus.FAILED ? r.errors() : r.warnings()).get(0);
            assertThat(message).contains(n + " of 30 kept members", "→ 'Rewritten Name 0'");
        }
        // Each change is listed old → new whatever the verdict (detail.changed_rows).
        assertThat(com.twsrobot.maintenance.api.TableDiff.between(current, proposed).changed()).hasSize(n);
        // A suffix normalisation drops is no change.
        List<ConstituentRow> suffixed = new ArrayList<>(current.rows());
        for (int i = 0; i < 11; i++) {
            ConstituentRow x = suffixed.get(i);
            suffixed.set(i, named(x, x.security() + " Limited"));
        }
        assertThat(new NameChangeValidator().validate(new ValidationInput(TestIndexes.STI, current.withRows(suffixed),
                Optional.of(current), new ValidationPolicy(0, 1, 1, false), 30)).status()).isEqualTo(ValidationStatus.PASSED);
    }

    @Test
    void elevenRewrittenNamesPassWithTheOverrideAsAWarning() throws Exception {
        ConstituentTable current = ConstituentFile.parse(Fixtures.currentConstituents("sti_constituents.csv"), "sti")
                .table();
        List<ConstituentRow> rows = new ArrayList<>(current.rows());
        for (int i = 0; i < 11; i++) {
            ConstituentRow r = rows.get(i);
            rows.set(i, named(r, "Other " + i));
        }
        ValidationResult r = new NameChangeValidator().validate(new ValidationInput(TestIndexes.STI, current.withRows(rows),
                Optional.of(current), new ValidationPolicy(0, 1, 1, true), 30));
        assertThat(r.status()).isEqualTo(ValidationStatus.WARNING);
    }
}
