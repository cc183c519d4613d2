package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The child JVM of {@link ReportIndexProcessesTest}: reserves and writes {@code COUNT} reports (a few a
 * second of report time, so ids share seconds with the other writers'), reading the newest one now and
 * then as a reader in another process would. Prints its ids, one a line.
 */
public final class ReportWriterChild {

    private ReportWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        ReportStore store = new ReportStore(Path.of(args[0]), AtomicFileWriter.DEFAULT.withoutFsync());
        int count = Integer.parseInt(args[1]);
        Instant start = Instant.parse(args[2]);
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i / 3);
            String id = store.reserve(at);
            store.write(new RunReport(id, TaskStatus.IN_PROGRESS, false, at, at, 0, List.of(), List.of(), List.of(),
                    RunDetail.none()), AtomicFileWriter.DEFAULT.withoutFsync(), false);
            store.write(new RunReport(id, TaskStatus.SUCCESS, false, at, at, 0, List.of(), List.of(), List.of(), RunDetail.none()));
            if (i % 10 == 0) {
                store.list(1);
            }
            System.out.println(id);
        }
    }
}
