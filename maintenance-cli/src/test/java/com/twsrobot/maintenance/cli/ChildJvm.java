package com.twsrobot.maintenance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a child JVM whose standard output a test parses. The JVM writes its own
 * warnings (class data sharing refused under memory pressure, a flag it ignores) to standard output by
 * default, which made a busy machine's child print a line before its JSON; here they go to standard error.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java}, the JVM options that keep the JVM's own messages off standard output, then {@code options}.
     *
     * @param options further JVM options, e.g. {@code -Xmx96m}
     * @return a mutable list to add the class path, main class and arguments to
     */
    static List<String> java(String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr"));
        command.addAll(List.of(options));
        return command;
    }

    /**
     * {@code command} with {@code args} added.
     *
     * @param command the command so far, e.g. from {@link #java}
     * @param args    what follows
     * @return {@code command}
     */
    static List<String> command(List<String> command, String... args) {
        command.addAll(List.of(args));
        return command;
    }
}
