package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.api.Validator;
import com.twsrobot.maintenance.core.TestIndexes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact words of the three checks against the current file, at each verdict (fail, fail accepted,
 * warn, pass): they share one verdict and keep their own wording, which reports and operators read.
 */
class ThresholdWordingTest {

    private static List<ConstituentRow> members(int n, String namePrefix) {
        List<ConstituentRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(ConstituentRow.of("S" + (char) ('A' + i / 26) + (char) ('A' + i % 26), namePrefix + " Co " + i,
                    "Industrials", "Machinery"));
        }
        return rows;
    }

    private static ValidationResult check(Validator validator, List<ConstituentRow> current,
                                          List<ConstituentRow> proposed, boolean allowLarge) {
        ValidationPolicy policy = new ValidationPolicy(1, 0.10, 0.25, allowLarge, 0.02, 0.10);
        return validator.validate(new ValidationInput(TestIndexes.SP500, ConstituentTable.of(false, proposed),
                Optional.of(ConstituentTable.of(false, current)), policy, proposed.size()));
    }

    private static String only(ValidationResult result) {
        assertThat(result.notices()).hasSize(1);
        Notice notice = result.notices().get(0);
        return notice.message();
    }

    @Test
    void countChangeWording() {
        List<ConstituentRow> current = members(100, "Old");
        CountChangeValidator count = new CountChangeValidator();
        ValidationResult failed = check(count, current, current.subList(0, 70), false);
        assertThat(failed.status()).isEqualTo(ValidationStatus.FAILED);
        assertThat(only(failed)).isEqualTo("count changes from 100 to 70 (-30.0%), above the 25% failure threshold; "
                + "rerun with --allow-large-change if this is expected");
        ValidationResult accepted = check(count, current, current.subList(0, 70), true);
        assertThat(accepted.status()).isEqualTo(ValidationStatus.WARNING);
        assertThat(only(accepted)).isEqualTo("count changes from 100 to 70 (-30.0%), above the 25% failure threshold; "
                + "accepted because a large change was explicitly allowed");
        assertThat(only(check(count, current, current.subList(0, 85), false)))
                .isEqualTo("count changes from 100 to 85 (-15.0%), above the 10% warning threshold");
        assertThat(check(count, current, current.subList(0, 95), false).status()).isEqualTo(ValidationStatus.PASSED);
    }

    @Test
    void nameChangeWording() {
        List<ConstituentRow> current = members(10, "Old");
        List<ConstituentRow> renamed = new ArrayList<>(current);
        for (int i = 0; i < 3; i++) {
            renamed.set(i, ConstituentRow.of(current.get(i).symbol(), "Other " + i, "Industrials", "Machinery"));
        }
        String what = "company names changed for 3 of 10 kept members (30.0%): SAA 'Old Co 0' → 'Other 0', "
                + "SAB 'Old Co 1' → 'Other 1', SAC 'Old Co 2' → 'Other 2'";
        NameChangeValidator names = new NameChangeValidator();
        assertThat(only(check(names, current, renamed, false))).isEqualTo(what
                + "; above the 25% failure threshold (a damaged page?); rerun with --allow-large-change if this is expected");
        assertThat(only(check(names, current, renamed, true))).isEqualTo(what
                + "; above the 25% failure threshold, accepted because a large change was explicitly allowed");
        List<ConstituentRow> two = new ArrayList<>(current);
        two.set(0, renamed.get(0));
        two.set(1, renamed.get(1));
        assertThat(only(check(names, current, two, false))).isEqualTo("company names changed for 2 of 10 kept members "
                + "(20.0%): SAA 'Old Co 0' → 'Other 0', SAB 'Old Co 1' → 'Other 1'; above the 10% warning threshold");
        List<ConstituentRow> one = new ArrayList<>(current);
        one.set(0, renamed.get(0));
        assertThat(check(names, current, one, false).status()).isEqualTo(ValidationStatus.PASSED);
    }

    @Test
    void churnWording() {
        List<ConstituentRow> current = members(100, "Old");
        List<ConstituentRow> swapped = new ArrayList<>(current.subList(0, 80));
        for (int i = 0; i < 20; i++) {
            swapped.add(ConstituentRow.of("N" + (char) ('A' + i), "New Co " + i, "Industrials", "Machinery"));
        }
        ChurnValidator churn = new ChurnValidator();
        String failed = only(check(churn, current, swapped, false));
        assertThat(failed).startsWith("membership churn: 20 of 100 symbols replaced (20.0%: +20 / -20); added ")
                .endsWith("; above the 10% failure threshold (a stale or wrong page?); rerun with --allow-large-change "
                        + "if this is expected");
        assertThat(only(check(churn, current, swapped, true)))
                .endsWith("; above the 10% failure threshold, accepted because a large change was explicitly allowed");
        List<ConstituentRow> few = new ArrayList<>(current.subList(0, 95));
        few.addAll(swapped.subList(80, 85));
        assertThat(only(check(churn, current, few, false))).endsWith("; above the 2% warning threshold");
        assertThat(check(churn, current, current, false).status()).isEqualTo(ValidationStatus.PASSED);
    }
}
