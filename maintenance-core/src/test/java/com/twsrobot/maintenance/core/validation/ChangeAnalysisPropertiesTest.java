package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.MembershipAsOf;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.core.constituents.MembershipReconstruction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the diff and the records: every symbol accounted for once; a reconstruction never invents a member. */
class ChangeAnalysisPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 20);

    @Provide
    Arbitrary<List<SymbolChange>> changes() {
        Arbitrary<String> symbol = Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> name = Arbitraries.of("Alpha Inc.", "Alpha", "Beta Ltd", "Gamma Group", "Delta", "");
        return Combinators.combine(symbol, name).as(SymbolChange::new).list().ofMaxSize(12)
                .map(l -> l.stream().collect(java.util.stream.Collectors.toMap(SymbolChange::symbol, c -> c, (a, b) -> a,
                        java.util.TreeMap::new)).values().stream().toList());
    }

    @Provide
    Arbitrary<List<ChangeRecord>> records() {
        Arbitrary<Optional<String>> symbol = Arbitraries.strings().withCharRange('A', 'F').ofMinLength(1).ofMaxLength(2)
                .optional();
        Arbitrary<LocalDate> date = Arbitraries.integers().between(-400, 400).map(DAY::plusDays);
        Arbitrary<Optional<String>> name = Arbitraries.of("Alpha Inc.", "Beta Ltd", "Delta").optional();
        return Combinators.combine(date, symbol, name, symbol, name)
                .as((d, a, an, r, rn) -> a.isEmpty() && r.isEmpty() ? null
                        : new ChangeRecord(d, a, an, r, rn, "reason", "row"))
                .filter(java.util.Objects::nonNull).list().ofMaxSize(10)
                .map(l -> l.stream().sorted(Comparator.comparing(ChangeRecord::effective).reversed()).toList());
    }

    @Property
    void everyAddedAndRemovedSymbolIsClassifiedExactlyOnce(@ForAll("changes") List<SymbolChange> added,
                                                           @ForAll("changes") List<SymbolChange> removedAll,
                                                           @ForAll("records") List<ChangeRecord> records) {
        Set<String> addedSymbols = new TreeSet<>(added.stream().map(SymbolChange::symbol).toList());
        // A diff never adds and removes the same symbol.
        List<SymbolChange> removed = removedAll.stream().filter(c -> !addedSymbols.contains(c.symbol())).toList();
        ChangeAnalysis a = ChangeAnalysis.of(added, removed, records, DAY);
        List<String> seenAdded = new ArrayList<>(a.added().stream().map(e -> e.change().symbol()).toList());
        a.renames().forEach(r -> seenAdded.add(r.to().symbol()));
        List<String> seenRemoved = new ArrayList<>(a.removed().stream().map(e -> e.change().symbol()).toList());
        a.renames().forEach(r -> seenRemoved.add(r.from().symbol()));
        assertThat(seenAdded).containsExactlyInAnyOrderElementsOf(added.stream().map(SymbolChange::symbol).toList());
        assertThat(seenRemoved).containsExactlyInAnyOrderElementsOf(removed.stream().map(SymbolChange::symbol).toList());
        assertThat(a.replaced()).isEqualTo(Math.max(added.size(), removed.size()));
        a.added().forEach(e -> assertThat(e.kind() == ChangeAnalysis.Kind.UNEXPLAINED).isEqualTo(e.record().isEmpty()));
    }

    @Property
    void aReconstructionUndoesOnlyLaterChangesAndAccountsForEach(@ForAll("changes") List<SymbolChange> now,
                                                                 @ForAll("records") List<ChangeRecord> records) {
        List<ConstituentRow> rows = now.stream().map(c -> ConstituentRow.of(c.symbol(), c.security(), "S", "I")).toList();
        LocalDate asOf = DAY.minusDays(100);
        MembershipAsOf m = MembershipReconstruction.reconstruct("idx", "test", ContentDate.unknown(ContentDate.Origin.FILE),
                ConstituentTable.of(false, rows), records, asOf);
        long later = records.stream().filter(r -> r.effective().isAfter(asOf)).count();
        assertThat(m.undone().size() + m.notApplied().size()).isEqualTo((int) later);
        Set<String> possible = new TreeSet<>(now.stream().map(SymbolChange::symbol).toList());
        records.forEach(r -> r.removedSymbol().ifPresent(possible::add));
        assertThat(possible).containsAll(m.members().keySet());
        if (later == 0) {
            assertThat(m.members().keySet()).containsExactlyInAnyOrderElementsOf(now.stream().map(SymbolChange::symbol).toList());
        }
    }
}
