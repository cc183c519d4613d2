package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.testkit.TempWorkspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI's own main in a child JVM with this module's test class path (so it discovers the examples' plug-ins). */
final class ChildCli {

    record Result(int exit, String out, String err) {
    }

    private ChildCli() {
    }

    static Result run(TempWorkspace ws, String... args) throws Exception {
        // The JVM's own warnings (class data sharing refused under memory pressure) to stderr: tests parse stdout.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"), "com.twsrobot.maintenance.cli.MaintenanceCli",
                "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString()));
        command.addAll(List.of(args));
        Path out = ws.root().resolve("cli.out");
        Path err = ws.root().resolve("cli.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
