package com.twsrobot.maintenance.cli;

import java.util.List;
import java.util.Set;

/**
 * The CLI's commands by name, and which of them a command line needs picocli to model. Building the model
 * of a command costs reflection on its class, options and annotations at every start, so a command line
 * that certainly runs one command gets only that one; anything else — no command, {@code --help} before it,
 * an unknown command or option, {@code help COMMAND}, {@code generate-completion}, an {@code @file} — gets
 * them all ({@link #ALL}), and so does any command line that does not parse (see
 * {@link MaintenanceCli#commandLine(String...)}).
 */
final class Commands {

    /** Every command, in the order the usage lists them. */
    static final List<String> ALL = List.of("run", "validate", "status", "reports", "report", "rollback", "backups",
            "diff", "membership", "serve", "events", "__train", "generate-completion");

    /** The global options that take a value (as {@code --name VALUE} or {@code --name=VALUE}). */
    static final Set<String> GLOBAL_WITH_VALUE = Set.of("--data-dir", "--reports-dir", "--events-db", "--config",
            "--source-timeout", "--invalidate-url", "--invalidate-token-file");

    /** The global flags (no value). */
    static final Set<String> GLOBAL_FLAGS = Set.of("--invalidate-marker", "--json");

    /**
     * Needs every command: the completion script lists them all, and the training run loads every command's
     * classes so that the launcher's start-up cache holds them.
     */
    private static final Set<String> NEED_ALL = Set.of("generate-completion", "__train");

    private Commands() {
    }

    /**
     * The commands {@code args} need modelled: none for a bare {@code --version}; the one command when the
     * arguments before it are only global options; {@link #ALL} (the same instance) in every other case.
     */
    static List<String> needed(String... args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return List.of();
        }
        for (String arg : args) {
            if (arg.startsWith("@")) { // an argument file: its contents could be anything
                return ALL;
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_FLAGS.contains(arg)) {
                continue;
            }
            if (GLOBAL_WITH_VALUE.contains(arg)) {
                i++; // its value, whatever it is (a value named like a command is a value)
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals > 0 && GLOBAL_WITH_VALUE.contains(arg.substring(0, equals))) {
                continue;
            }
            // The first other argument: the command, or something that needs the whole model to answer.
            return ALL.contains(arg) && !NEED_ALL.contains(arg) ? List.of(arg) : ALL;
        }
        return ALL; // no command: the usage
    }

    /** The class of the command {@code name} (one of {@link #ALL}); only that class is loaded. */
    static Class<?> type(String name) {
        return switch (name) {
            case "run" -> RunCommand.class;
            case "validate" -> ValidateCommand.class;
            case "status" -> StatusCommand.class;
            case "reports" -> ReportsCommand.class;
            case "report" -> ReportCommand.class;
            case "rollback" -> RollbackCommand.class;
            case "backups" -> BackupsCommand.class;
            case "diff" -> DiffCommand.class;
            case "membership" -> MembershipCommand.class;
            case "serve" -> ServeCommand.class;
            case "events" -> EventsCommand.class;
            case "__train" -> TrainCommand.class;
            case "generate-completion" -> picocli.AutoComplete.GenerateCompletion.class;
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }
}
