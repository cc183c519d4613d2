package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.core.constituents.ContentDates;
import com.twsrobot.maintenance.api.MembershipAsOf;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "membership", mixinStandardHelpOptions = true,
        description = {"An index's members on a past date: the list its source gives now with every dated change "
                + "effective after that date undone (the S&P 500 page's 'Selected changes' table). Reads only.",
                "Lists the changes it could not undo (an added symbol not on the list, a removed one already on it).",
                "Example: membership --index KEY --as-of 2025-03-01 [--json] [--snapshot]   (KEY as 'status' lists them)"})
final class MembershipCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "KEY", description = "The index key, as 'status' lists them.")
    String index;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "The date asked for.")
    String asOf;

    @Option(names = "--source-url", paramLabel = "KEY=URL", description = "Override a source URL, repeatable.")
    Map<String, String> sourceUrls = new LinkedHashMap<>();

    @Option(names = "--snapshot", description = "Read the page copy bundled with the library instead of the network.")
    boolean snapshot;

    @Override
    public Integer call() throws Exception {
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new MaintenanceCli.UsageException("--as-of must be a date like 2025-03-01, got '" + asOf + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        MembershipAsOf m = cli.runner(spec.commandLine().getErr(), Map.of()).membership(index, date, sourceUrls, snapshot);
        java.time.Instant now = MaintenanceCli.clock().instant(); // the runner's clock (fixed by maintenance.clock in tests)
        if (cli.json) {
            ObjectNode node = ReportJson.mapper().createObjectNode();
            node.put("index", m.index());
            node.put("as_of", m.asOf().toString());
            node.put("source", m.source());
            node.set("content", ReportJson.mapper().valueToTree(ContentDates.toMap(m.content(), now)));
            node.put("member_count", m.members().size());
            ArrayNode members = node.putArray("members");
            m.members().forEach((symbol, name) -> members.addObject().put("symbol", symbol).put("security", name));
            ArrayNode undone = node.putArray("undone");
            m.undone().forEach(undone::add);
            ArrayNode notApplied = node.putArray("not_applied");
            m.notApplied().forEach(notApplied::add);
            out.print(ReportJson.pretty(node));
        } else {
            out.println(m.index() + " as of " + m.asOf() + ": " + m.members().size() + " members (from " + m.source() + "; "
                    + ContentDates.describe(m.content(), now) + ")");
            m.members().forEach((symbol, name) -> out.println("  " + symbol + "  " + name));
            out.println(m.undone().size() + " change(s) undone:");
            m.undone().forEach(u -> out.println("  " + u));
            out.println(m.notApplied().size() + " change(s) could not be undone" + (m.notApplied().isEmpty() ? "" : ":"));
            m.notApplied().forEach(n -> out.println("  " + n));
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
