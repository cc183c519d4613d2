package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.schedule.ScheduleSettings;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console as a plain request → response component that the JDK server adapter
 * ({@link MaintenanceConsole}) and the servlet adapter ({@link MaintenanceConsoleServlet}) both call.
 * It only dispatches: the {@link RouteTable} matches, the per-client cap ({@link InFlightLimit}) and the
 * security filter ({@link ConsoleSecurity}) admit, and the matched {@link ConsoleRoute} answers. Errors
 * are JSON {@code {"error": "..."}} without stack traces.
 */
public final class ConsoleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);

    private final RouteTable table;
    private final ConsoleContext console;
    private final InFlightLimit limit;

    ConsoleRoutes(MaintenanceRunner runner, ConsoleSecurity security, RunTracker tracker, int maxBodyBytes,
                  int maxRequestsPerClient, List<ConsoleRoute> extraRoutes) {
        this.table = RouteTable.withBuiltIns(extraRoutes);
        this.console = new ConsoleContext(runner, security, tracker, maxBodyBytes);
        this.limit = new InFlightLimit(maxRequestsPerClient);
    }

    /**
     * The routes for a host that serves them itself with any server: every request must carry the
     * user the host signed in ({@link ConsoleRequest#user()}), else 401. This is what
     * {@link MaintenanceConsoleServlet} adapts to Servlet.
     *
     * @param runner  the host's runner
     * @param options the body limit, per-client cap and API tokens (bind address and port are unused)
     * @return the routes
     */
    public static ConsoleRoutes behindHostLogin(MaintenanceRunner runner, ConsoleOptions options) {
        return new ConsoleRoutes(runner, ConsoleSecurity.hostLogin(options.apiTokens()), new RunTracker(runner.clock()),
                options.maxBodyBytes(), options.maxRequestsPerClient(), List.of());
    }

    /**
     * Answers one request. Never throws for a bad request or a failure of ours (those are JSON errors);
     * an {@link IOException} means the client went away or stalled past the read bound while sending,
     * and there is nobody to answer.
     *
     * @param request the request as the host's server received it
     * @return the answer to send
     * @throws IOException when the request's body could not be read
     */
    public ConsoleResponse handle(ConsoleRequest request) throws IOException {
        RouteTable.Match match = table.match(request.method(), request.path());
        String client = console.security().clientKey(request, match.share());
        try {
            if (!limit.enter(client)) {
                return Answers.error(429, "too many requests under way from " + request.client().getHostAddress()
                        + " (at most " + limit.maxPerClient() + " at once per client); try again in a moment");
            }
            Outcome<Query> admitted = console.security().admit(request, match.access());
            if (admitted.stopped()) {
                return admitted.stoppedWith();
            }
            if (match.route().isEmpty() && match.allowed().isEmpty()) {
                return Answers.error(404, "not found");
            }
            return console.security().withSession(request, match.route().isPresent()
                    ? match.route().get().handle(new RouteCall(request, admitted.value(), console))
                    : notAllowed(request, match));
        } catch (RuntimeException e) {
            LOG.error("console request {} {} failed: {}", request.method(), request.path(), e.toString(), e);
            return Answers.error(500, "internal error; the console's log has the details");
        } finally {
            limit.leave(client);
        }
    }

    private static ConsoleResponse notAllowed(ConsoleRequest request, RouteTable.Match match) {
        ConsoleResponse error = Answers.error(405, request.method() + " is not allowed on " + request.path());
        return Answers.send(405, Answers.JSON, error.body(), Map.of("Allow", String.join(", ", match.allowed())));
    }

    /** The per-client counts (tests wait on them for a server to have picked requests up). */
    InFlightLimit limit() {
        return limit;
    }

    /**
     * Starts scheduled dry runs as this console's tracked runs (one schedule per console).
     *
     * @throws IllegalStateException when a schedule is already running
     */
    synchronized ScheduledRuns startSchedule(ScheduleSettings settings) {
        Optional<ScheduledRuns> running = console.schedule();
        if (running.isPresent()) {
            throw new IllegalStateException("a schedule is already running: " + running.get().settings().dryRun());
        }
        ScheduledRuns runs = ScheduledRuns.of(console.runner(), settings, this::runScheduled);
        runs.start();
        console.schedule(runs);
        return runs;
    }

    /** Stops the schedule, if one runs. */
    void stopSchedule() {
        console.schedule().ifPresent(ScheduledRuns::close);
    }

    /** A scheduled run, as the one run every tab follows; empty when another run is under way. */
    Optional<RunReport> runScheduled(RunRequest request) {
        return console.runs().runScheduled(request);
    }
}
