package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Market events. Refresh them with: run --task market_events [--apply] [--symbol S]... [--days N]",
        subcommands = EventsCommand.SyncLog.class)
final class EventsCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return MaintenanceCli.EXIT_OK;
    }

    @Command(name = "sync-log", mixinStandardHelpOptions = true,
            description = "The newest provider results from the event store's sync log, one line per provider and sync.")
    static final class SyncLog implements Callable<Integer> {

        @ParentCommand
        EventsCommand events;

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            if (limit < 1) {
                throw new MaintenanceCli.UsageException("--limit must be at least 1, got " + limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            MarketEventsService service = events.cli.runner(spec.commandLine().getErr(), Map.of()).marketEvents()
                    .orElseThrow(() -> new MaintenanceCli.UsageException("no market-events service on the class path"));
            List<ProviderResult> rows = service.syncLog(limit);
            if (events.cli.json) {
                ArrayNode array = ReportJson.mapper().createArrayNode();
                rows.forEach(r -> array.add(ReportJson.toTree(r)));
                out.print(ReportJson.pretty(array));
            } else if (rows.isEmpty()) {
                out.println("no market-events syncs yet");
            } else {
                TextColumns table = new TextColumns("finished", "provider", "status", ">fetched", ">inserted", ">upserted",
                        ">stale", ">errors", "event types / error");
                for (ProviderResult r : rows) {
                    table.row(ReportJson.timestamp(r.finishedAt()), r.provider(), r.status(), r.fetchedCount(),
                            r.insertedCount(), r.upsertedCount(), r.staleCount(), r.errorCount(),
                            r.errorMessage().isEmpty() ? r.eventType() : r.errorMessage());
                }
                table.print(out);
            }
            out.flush();
            return MaintenanceCli.EXIT_OK;
        }
    }
}
