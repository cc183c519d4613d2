package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.io.BackupStore;

import java.io.IOException;

/** {@code POST /api/maintenance/rollback}: restores a constituent file's backup; a preview unless {@code "dry_run": false}. */
final class RollbackRoute implements ConsoleRoute {

    /** The body: the task, the backup ({@code latest} when absent) and whether to apply. */
    record Body(@JsonProperty("task") String task, @JsonProperty("backup_id") String backupId,
                @JsonProperty("dry_run") Boolean dryRun) {

        Outcome<RunRequest> toRequest(ConsoleContext console) {
            if (task == null) {
                return Outcome.badRequest(taskWanted(console));
            }
            String id = backupId == null ? RunMode.LATEST_BACKUP : backupId;
            if (!id.equals(RunMode.LATEST_BACKUP) && !BackupStore.BACKUP_ID.matcher(id).matches()) {
                return Outcome.badRequest("backup_id must look like 20260624_001500");
            }
            // A preview unless the body says "dry_run": false, as for every other run.
            // A preview pins latest to the backup's id (its report's mode names it); an apply of latest is
            // refused if a backup newer than the one previewed appeared, so the dashboard restores by id.
            return console.constituentTask(task).map(name -> RunRequest.builder().task(name)
                    .mode(dryRun != null && !dryRun ? RunMode.rollback(id) : RunMode.rollbackPreview(id)).build());
        }
    }

    private static String taskWanted(ConsoleContext console) {
        return "task must be the name of a constituent task, e.g. " + console.exampleTask();
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.post("/api/maintenance/rollback");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) throws IOException {
        ConsoleContext console = call.console();
        return call.body().then(text -> JsonBody.bind(text, Body.class, field -> switch (field) {
                    case "task" -> taskWanted(console);
                    case "backup_id" -> "backup_id must be a string such as 20260624_001500";
                    case "dry_run" -> "dry_run must be true or false";
                    default -> field + " has the wrong type";
                }))
                .then(body -> body.toRequest(console))
                .respond(request -> console.runs().start(call, request, "rollback"));
    }
}
