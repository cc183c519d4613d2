package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Membership churn: how many symbols the proposal replaces, {@code max(added, removed)} relative to the
 * current count. A stale or wrong page with the right count (a 2021 copy of the S&amp;P 500 article swaps
 * 88 of 503 names) passes the count check; it does not pass this one. The real indices change a few
 * names a month, so a refresh every few days should replace 0–4: above 2 % warns, above 10 % fails
 * unless a large change is explicitly allowed (both per index, {@code churn_*_percent.<index>}).
 */
public final class ChurnValidator extends CurrentFileValidator {

    /** How many symbols of each side the message names. */
    static final int NAMED = 8;

    @Override
    public String name() {
        return "membership_churn";
    }

    @Override
    protected ValidationResult compare(ConstituentTable current, ValidationInput input) {
        Set<String> before = symbols(current);
        Set<String> after = symbols(input.proposed());
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        // A rename (the same company under a new symbol) is one change, shown once as OLD → NEW.
        com.twsrobot.maintenance.api.TableDiff diff = com.twsrobot.maintenance.api.TableDiff.between(
                current, input.proposed());
        ChangeAnalysis analysis = ChangeAnalysis.of(diff.added(), diff.removed(),
                input.facts().map(com.twsrobot.maintenance.api.SourceFacts::changes).orElse(List.of()),
                input.facts().map(com.twsrobot.maintenance.api.SourceFacts::day).orElse(java.time.LocalDate.MAX));
        for (ChangeAnalysis.Rename r : analysis.renames()) {
            added.remove(r.to().symbol());
            removed.remove(r.from().symbol());
        }
        int replaced = analysis.renames().size() + Math.max(added.size(), removed.size());
        double ratio = replaced / (double) before.size();
        String what = String.format(Locale.ROOT, "membership churn: %d of %d symbols replaced (%.1f%%: +%d / -%d%s); "
                + "added %s; removed %s", replaced, before.size(), 100 * ratio, added.size(), removed.size(),
                analysis.renames().isEmpty() ? "" : ", " + analysis.renames().size() + " renamed "
                        + String.join(", ", analysis.renames().stream().map(ChangeAnalysis.Rename::arrow).toList()),
                first(added), first(removed));
        double failAt = input.policy().churnFailRatio();
        double warnAt = input.policy().churnWarnRatio();
        String overFail = what + "; above the " + Messages.percent(failAt) + " failure threshold";
        return verdict(NoticeCode.CHURN, ratio, warnAt, failAt, input, overFail + ", " + ACCEPTED,
                overFail + " (a stale or wrong page?); " + RERUN,
                what + "; above the " + Messages.percent(warnAt) + " warning threshold");
    }

    private static Set<String> symbols(ConstituentTable table) {
        Set<String> out = new TreeSet<>();
        table.rows().forEach(r -> {
            if (r.symbol() != null && !r.symbol().isBlank()) {
                out.add(r.symbol());
            }
        });
        return out;
    }

    private static String first(Set<String> symbols) {
        if (symbols.isEmpty()) {
            return "none";
        }
        List<String> list = List.copyOf(symbols);
        return String.join(", ", list.subList(0, Math.min(NAMED, list.size())))
                + (list.size() > NAMED ? " … (" + (list.size() - NAMED) + " more)" : "");
    }
}
