package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.SourceFacts;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether each removal is real: a removed member no change record explains (see {@link ChangeAnalysis})
 * warns, naming each (every removal, when the source states no change records at all); one that weighs more than {@link com.twsrobot.maintenance.api.ValidationPolicy#heavyRemovalPercent()}
 * in the page's own weights or any configured holdings file's fails unless a large change is allowed.
 * Judges fetched proposals only (a saved plan was judged when it was previewed).
 */
public final class ChangeRecordValidator implements Validator {

    @Override
    public String name() {
        return "change_records";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        if (input.facts().isEmpty() || input.current().isEmpty() || input.current().get().symbolCount() == 0) {
            return ValidationResult.passed();
        }
        SourceFacts facts = input.facts().get();
        TableDiff diff = TableDiff.between(input.current().get(), input.proposed());
        ChangeAnalysis analysis = ChangeAnalysis.of(diff.added(), diff.removed(), facts.changes(), facts.day());
        List<String> unexplained = new ArrayList<>();
        List<String> heavy = new ArrayList<>();
        for (ChangeAnalysis.Entry e : analysis.removed()) {
            if (e.kind() != ChangeAnalysis.Kind.UNEXPLAINED) {
                continue;
            }
            Optional<Weight> w = weight(facts, e.change().symbol());
            String named = e.change().symbol() + " (" + e.change().security()
                    + w.map(x -> ", " + x.describe()).orElse("") + ")";
            if (w.isPresent() && w.get().percent() > input.policy().heavyRemovalPercent()) {
                heavy.add(named);
            } else {
                unexplained.add(named);
            }
        }
        ValidationResult result = ValidationResult.passed();
        String table = facts.changes().isEmpty() ? "(the source states no change records)"
                : "not in the page's change table";
        String noWeights = facts.hasWeights() ? "" : "; no weights known (neither the page nor a configured holdings "
                + "file states them), so a heavy member cannot be told";
        if (!heavy.isEmpty()) {
            String what = "removal of " + heavy.size() + " heavy member(s) " + table + ": " + String.join(", ", heavy)
                    + "; each weighs more than " + percent(input.policy().heavyRemovalPercent()) + " of the index";
            result = result.merge(input.policy().allowLargeChange()
                    ? ValidationResult.warning(NoticeCode.CHANGE_RECORDS_HEAVY, what + "; accepted because a large change was explicitly allowed")
                    : ValidationResult.error(NoticeCode.CHANGE_RECORDS_HEAVY, what + " (a damaged page?); rerun with --allow-large-change if this is expected"));
        }
        // A source that states no change records (STI, HSI) explains nothing, so each of its removals is
        // unexplained and listed: the operator checks it against the index provider's notice before applying.
        if (!unexplained.isEmpty()) {
            String why = facts.changes().isEmpty() ? " (the source states no change records)" : ", " + table;
            result = result.merge(ValidationResult.warning(NoticeCode.CHANGE_RECORDS_UNEXPLAINED,
                    unexplained.size() + " unexplained removal(s)" + why
                    + ": " + String.join(", ", unexplained) + noWeights));
        }
        return result;
    }

    /** The heaviest weight any source states for a symbol, and which. */
    record Weight(double percent, String source) {
        String describe() {
            return String.format(Locale.ROOT, "%.2f %% in %s", percent, source);
        }
    }

    static Optional<Weight> weight(SourceFacts facts, String symbol) {
        Weight best = null;
        Double page = facts.pageWeights().get(symbol);
        if (page != null) {
            best = new Weight(page, "the page's weights");
        }
        for (Map.Entry<String, Map<String, Double>> fund : new java.util.TreeMap<>(facts.fundWeights()).entrySet()) {
            Double w = fund.getValue().get(symbol);
            if (w != null && (best == null || w > best.percent())) {
                best = new Weight(w, fund.getKey());
            }
        }
        return Optional.ofNullable(best);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p).replace(".00 ", " ");
    }
}
