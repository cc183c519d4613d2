package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One in-process CLI invocation against a workspace: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(TempWorkspace ws, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", ws.dataDir().toString(), "--reports-dir",
                ws.reportsDir().toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] argv = all.toArray(String[]::new);
        CommandLine cl = MaintenanceCli.commandLine(argv); // as main builds it: only the command invoked
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(argv);
        return new CliRun(code, o.toString(), e.toString());
    }
}
