package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;

import java.util.List;
import java.util.Optional;

/** The console's scheduled dry runs ({@code serve} only). */
public final class ScheduleConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey DRY_RUN = ConfigKey.of("schedule.dry_run", ConfigKey.Type.TEXT, "off",
            "when serve previews: daily HH:MM ZONE, off-peak [after HH:MM ZONE] or off")
            .checkedBy((key, value) -> {
                try {
                    Schedule.parse(value);
                    return Optional.empty();
                } catch (IllegalArgumentException e) { // the schedule parser's refusal names the forms
                    return Optional.of(key + ": " + e.getMessage());
                }
            });
    public static final ConfigKey APPLY = ConfigKey.choice("schedule.apply", List.of("never", "when-clean"), "never",
            "when-clean: apply a scheduled plan with no warning; never: plans wait for review");
    public static final ConfigKey TASKS = ConfigKey.of("schedule.tasks", ConfigKey.Type.LIST, "constituents",
            "the tasks or groups of each scheduled dry run").refersTo(ConfigKey.Refers.TASK);

    /** {@code schedule.apply = when-clean} and {@code schedule.tasks} mean nothing without a schedule: a problem on their line. */
    public static void checkTogether(ConfigValues v, List<ConfigProblem> problems) {
        if (v.text(DRY_RUN).flatMap(Schedule::parse).isPresent()) {
            return;
        }
        boolean whenClean = v.text(APPLY).map("when-clean"::equals).orElse(false);
        for (ConfigKey key : List.of(APPLY, TASKS)) {
            if (v.has(key) && (key == TASKS || whenClean)) {
                problems.add(new ConfigProblem(v.line(key.name()), key.name(), v.text(key).orElse(""),
                        key.name() + " = " + v.text(key).orElse("") + ": schedule.apply and schedule.tasks need "
                                + "schedule.dry_run (daily HH:MM ZONE or off-peak)"));
            }
        }
    }

    public ScheduleConfigKeys() {
        super("the schedule", DRY_RUN, APPLY, TASKS);
    }
}
