package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.MembershipList;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second opinion: the proposed members against each usable second source (a fund's holdings as of a
 * date within 7 days of the run). Up to 3 disagreements are a note (in the report, not a warning: a fund
 * and a page a few days apart differ by the index's latest changes); above 3 warn; above 10 fail unless
 * a large change is explicitly allowed.
 */
public final class ConsensusValidator implements Validator {

    /** Disagreements a second source may have before it warns, and before it fails. */
    public static final int NOTE_UP_TO = 3;
    public static final int FAIL_ABOVE = 10;
    /** How old a second source may be, in days before the run. */
    public static final int MAX_AGE_DAYS = 7;

    /** One source's comparison: symbols only on the page and only in the source, each with its name. */
    public record Comparison(String source, String asOf, Map<String, String> onlyOnPage, Map<String, String> onlyInSource) {

        public int disagreements() {
            return onlyOnPage.size() + onlyInSource.size();
        }

        /** As the report lists it. */
        public Map<String, Object> toMap(String status, String reason) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("as_of", asOf);
            m.put("status", status);
            if (!reason.isEmpty()) {
                m.put("reason", reason);
            }
            m.put("only_on_page", list(onlyOnPage));
            m.put("only_in_source", list(onlyInSource));
            return m;
        }

        private static List<Map<String, String>> list(Map<String, String> symbols) {
            List<Map<String, String>> out = new ArrayList<>();
            symbols.forEach((symbol, name) -> out.add(Map.of("symbol", symbol, "name", name)));
            return out;
        }
    }

    /** The comparison of {@code proposed} with one source. */
    public static Comparison compare(Map<String, ConstituentRow> proposed, MembershipList list) {
        Map<String, String> onlyOnPage = new TreeMap<>();
        proposed.forEach((symbol, row) -> {
            if (!list.members().containsKey(symbol)) {
                onlyOnPage.put(symbol, row.security());
            }
        });
        Map<String, String> onlyInSource = new TreeMap<>();
        list.members().forEach((symbol, name) -> {
            if (!proposed.containsKey(symbol)) {
                onlyInSource.put(symbol, name);
            }
        });
        return new Comparison(list.source(), list.asOf().map(Object::toString).orElse(""), onlyOnPage, onlyInSource);
    }

    @Override
    public String name() {
        return "consensus";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        ValidationResult result = ValidationResult.passed();
        for (MembershipList list : input.secondOpinions()) {
            Comparison c = compare(input.proposed().bySymbol(), list);
            int n = c.disagreements();
            if (n <= NOTE_UP_TO) {
                continue;
            }
            String what = list.source() + " (as of " + c.asOf() + ") disagrees on " + n + " symbols: only on the page "
                    + describe(c.onlyOnPage()) + "; only in the fund " + describe(c.onlyInSource());
            if (n > FAIL_ABOVE && !input.policy().allowLargeChange()) {
                result = result.merge(ValidationResult.error(NoticeCode.CONSENSUS,
                        what + "; above " + FAIL_ABOVE + " the page looks wrong "
                        + "(rerun with --allow-large-change if the fund is the stale one)"));
            } else {
                result = result.merge(ValidationResult.warning(NoticeCode.CONSENSUS, what));
            }
        }
        return result;
    }

    private static String describe(Map<String, String> symbols) {
        if (symbols.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        symbols.forEach((s, n) -> out.add(s + " (" + n + ")"));
        return String.join(", ", out.subList(0, Math.min(out.size(), 12))) + (out.size() > 12 ? " …" : "");
    }
}
