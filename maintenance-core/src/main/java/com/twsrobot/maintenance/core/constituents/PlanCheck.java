package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole-plan check an apply of {@code --plan REPORT_ID} passes before any task runs: the plan's
 * tasks are those its report recorded, a request may name only those, and every one of them must be
 * unaltered, young enough and computed against the file as it is now. One problem refuses the whole
 * plan, so a plan is applied entirely as reviewed or not at all.
 */
public final class PlanCheck {

    /** The plan cannot be applied; the message names every problem. Nothing was written. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final String planId;
    private final List<String> tasks;
    private final List<IndexSpec> indexes;
    private final Path dataDir;
    private final PlanStore store;
    private final Instant now;
    private final Duration maxAge;

    private PlanCheck(String planId, List<String> tasks, List<IndexSpec> indexes, Path dataDir, PlanStore store,
                      Instant now, Duration maxAge) {
        this.planId = planId;
        this.tasks = List.copyOf(tasks);
        this.indexes = indexes;
        this.dataDir = dataDir;
        this.store = store;
        this.now = now;
        this.maxAge = maxAge;
    }

    /** Finds the plan {@code mode} applies and the tasks its report recorded. */
    public static PlanCheck of(RunMode.ApplyPlan mode, List<IndexSpec> indexes, Path dataDir, Path reportsDir, Instant now,
                               Duration maxAge, long maxFileBytes) throws Refused {
        String planId = mode.planId();
        PlanStore store = new PlanStore(reportsDir, AtomicFileWriter.DEFAULT, PlanStore.capFor(maxFileBytes));
        List<String> tasks;
        try {
            tasks = store.tasksOf(planId);
        } catch (IOException e) {
            throw new Refused("plan " + planId + " cannot be read: its report is unreadable (" + e.getMessage()
                    + "); nothing was written");
        }
        if (tasks.isEmpty()) {
            throw new Refused("no plan '" + planId + "' in " + reportsDir.toAbsolutePath()
                    + " (a dry run of constituent tasks saves one under its report id)");
        }
        return new PlanCheck(planId, tasks, indexes, dataDir, store, now, maxAge);
    }

    /** The tasks the plan covers, in the order its report lists them. */
    public List<String> tasks() {
        return tasks;
    }

    /** Refuses unless every task in {@code names} is in the plan, unaltered, young enough and not stale. */
    public void verify(List<String> names) throws Refused {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (!tasks.contains(name)) {
                problems.add(name + " is not in the plan (it covers " + tasks + ")");
                continue;
            }
            try {
                Optional<Plan> plan = store.load(planId, name);
                if (plan.isEmpty()) {
                    problems.add(name + ": its plan file is missing");
                    continue;
                }
                Duration age = Duration.between(plan.get().createdAt(), now);
                if (age.compareTo(maxAge) > 0) {
                    problems.add(name + ": the plan is " + age.toHours() + " h old, older than the " + maxAge.toHours()
                            + " h allowed");
                }
                Path file = fileOf(name);
                String current = file != null && Files.exists(file) ? Sha256.hexOf(file) : "";
                if (!current.equals(plan.get().baseSha256())) {
                    problems.add(name + ": stale plan: the file changed since the preview (" + file + ")");
                }
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused("plan " + planId + " refused, nothing was written: " + String.join("; ", problems)
                    + "; preview again");
        }
    }

    private Path fileOf(String task) {
        return indexes.stream().filter(s -> s.taskName().equals(task)).findFirst()
                .map(s -> dataDir.resolve(s.fileName())).orElse(null);
    }
}
