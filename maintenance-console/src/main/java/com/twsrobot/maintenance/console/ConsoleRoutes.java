package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.Backup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.api.UnknownTaskException;
import com.twsrobot.maintenance.core.constituents.FileVersions;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every route of the console, as a plain request → response component that the JDK server adapter
 * ({@link MaintenanceConsole}) and the servlet adapter ({@link MaintenanceConsoleServlet}) both call.
 * Each request is checked in this order: Host, path shape, access (token or the host's login), then
 * for POSTs the CSRF rules; only then does it reach the runner. Errors are JSON
 * {@code {"error": "..."}} without stack traces.
 */
public final class ConsoleRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final String API = "/api/maintenance";
    private static final Set<String> GET_PATHS = Set.of("/", "/maintenance", "/maintenance/app.js",
            "/maintenance/app.css", "/maintenance/uPlot.iife.min.js", "/maintenance/uPlot.min.css", API + "/charts",
            API + "/status", API + "/runs/current", API + "/reports", API + "/backups",
            "/api/market-events/sync-log", API + "/health", "/maintenance/badge.svg", "/metrics", API + "/backups/compare", API + "/compare");
    private static final Set<String> POST_PATHS = Set.of(API + "/run", API + "/rollback", "/api/market-events/refresh");

    private final MaintenanceRunner runner;
    private final ConsoleSecurity security;
    private final RunTracker tracker;
    private final ConsoleMetrics metrics = new ConsoleMetrics();
    private final int maxBodyBytes;
    private volatile ScheduledRuns schedule;
    private final InFlightLimit limit;

    ConsoleRoutes(MaintenanceRunner runner, ConsoleSecurity security, RunTracker tracker, int maxBodyBytes,
                  int maxRequestsPerClient) {
        this.limit = new InFlightLimit(maxRequestsPerClient);
        this.runner = runner;
        this.security = security;
        this.tracker = tracker;
        this.maxBodyBytes = maxBodyBytes;
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
                options.maxBodyBytes(),
                options.maxRequestsPerClient());
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
        String client = security.clientKey(request);
        try {
            if (!limit.enter(client)) {
                return json(429, error("too many requests under way from " + request.client().getHostAddress()
                        + " (at most " + limit.maxPerClient() + " at once per client); try again in a moment"));
            }
            return route(request);
        } catch (BadRequestException e) {
            return json(e.status(), error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("console request {} {} failed: {}", request.method(), request.path(), e.toString(), e);
            return json(500, error("internal error; the console's log has the details"));
        } finally {
            limit.leave(client);
        }
    }

    /** The per-client counts (tests wait on them for a server to have picked requests up). */
    InFlightLimit limit() {
        return limit;
    }

    ConsoleSecurity security() {
        return security;
    }

    private ConsoleResponse route(ConsoleRequest ex) throws IOException, BadRequestException {
        String method = ex.method();
        String rawPath = ex.path();
        if (!security.hostAllowed(ex)) {
            throw new BadRequestException(403, "this console does not answer to Host '" + ex.header("Host") + "'");
        }
        if (rawPath == null || rawPath.contains("%") || rawPath.contains("..") || rawPath.contains("//")
                || rawPath.contains("\\")) {
            throw new BadRequestException(404, "not found");
        }
        Map<String, String> query = query(ex.rawQuery());
        if (method.equals("GET") && rawPath.equals("/maintenance") && query.containsKey("token")
                && !security.usesHostLogin()) {
            return logIn(ex, query.get("token"));
        }
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && security.apiTokenLabel(ex).isEmpty()
                && !security.accessTokenMatches(auth.substring(7).trim())) {
            // Said plainly rather than left to the CSRF check: a program sent a token this console does not know.
            throw new BadRequestException(401, "the bearer token is not one of this console's API tokens"
                    + (security.requiresAccessToken() ? " nor its access token" : ""));
        }
        if (!security.accessGranted(ex)) {
            throw new BadRequestException(401, security.usesHostLogin() ? "sign in to " + ex.base() + " first"
                    : "this console needs its access token: open /maintenance?token=... once, "
                    + "or send 'Authorization: Bearer <token>'");
        }
        if (method.equals("POST")) {
            Optional<String> problem = security.csrfProblem(ex);
            if (problem.isPresent()) {
                throw new BadRequestException(403, "refused: " + problem.get());
            }
        }
        ConsoleResponse response = dispatch(ex, method, rawPath, query);
        if (!security.needsSession(ex)) {
            return response;
        }
        // Every answer to a client without a session gives it one, so the dashboard has its own share of
        // the per-client cap from its first request (and again after the console restarts).
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Set-Cookie", headers.containsKey("Set-Cookie") ? headers.get("Set-Cookie")
                : security.newSessionCookie(ex.base()));
        return new ConsoleResponse(response.status(), headers, response.body());
    }

    private ConsoleResponse dispatch(ConsoleRequest ex, String method, String rawPath, Map<String, String> query)
            throws IOException, BadRequestException {
        if (method.equals("GET") && rawPath.startsWith(API + "/reports/")) {
            return report(rawPath.substring((API + "/reports/").length()), query);
        }
        String route = method + " " + rawPath;
        return switch (route) {
            case "GET /" -> redirect(ex.base() + "/maintenance", Map.of());
            case "GET /maintenance" -> resource(ex, "dashboard.html", "text/html; charset=utf-8");
            case "GET /maintenance/app.js" -> resource(ex, "app.js", "text/javascript; charset=utf-8");
            case "GET /maintenance/app.css" -> resource(ex, "app.css", "text/css; charset=utf-8");
            case "GET /maintenance/uPlot.iife.min.js" -> vendor("uPlot.iife.min.js", "text/javascript; charset=utf-8");
            case "GET /maintenance/uPlot.min.css" -> vendor("uPlot.min.css", "text/css; charset=utf-8");
            case "GET " + API + "/charts" -> json(200, ConsoleCharts.of(runner,
                    wholeNumber(query, "reports", 200, 1, 500, "reports must be a whole number from 1 to 500")));
            case "GET " + API + "/status" -> json(200, status());
            case "GET " + API + "/runs/current" -> json(200, currentRun());
            case "GET " + API + "/reports" -> json(200, reports(query));
            case "GET " + API + "/backups" -> json(200, backups(query));
            case "POST " + API + "/run" -> run(ex, RunRequestParser.parse(body(ex)), "run");
            case "POST " + API + "/rollback" -> run(ex, rollbackRequest(body(ex)), "rollback");
            case "POST /api/market-events/refresh" -> run(ex, eventsRefreshRequest(body(ex)), "market events refresh");
            case "GET /api/market-events/sync-log" -> json(200, syncLog(query));
            case "GET " + API + "/health" -> health();
            case "GET " + API + "/backups/compare", "GET " + API + "/compare" -> json(200, compare(query));
            case "GET /maintenance/badge.svg" -> send(200, "image/svg+xml; charset=utf-8",
                    HealthBadge.svg(MaintenanceHealth.of(runner).overall()).getBytes(StandardCharsets.UTF_8), Map.of());
            case "GET /metrics" -> send(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape(runner).getBytes(StandardCharsets.UTF_8), Map.of());
            default -> {
                if (GET_PATHS.contains(rawPath) || POST_PATHS.contains(rawPath)) {
                    yield send(405, JSON, ReportJson.pretty(error(method + " is not allowed on " + rawPath))
                            .getBytes(StandardCharsets.UTF_8), Map.of("Allow", GET_PATHS.contains(rawPath) ? "GET" : "POST"));
                }
                throw new BadRequestException(404, "not found");
            }
        };
    }

    private ConsoleResponse logIn(ConsoleRequest ex, String token) throws BadRequestException {
        if (!security.accessTokenMatches(token)) {
            throw new BadRequestException(401, "wrong access token");
        }
        return redirect(ex.base() + "/maintenance", Map.of("Set-Cookie", ConsoleSecurity.TOKEN_COOKIE + "=" + token
                + "; Path=/; HttpOnly; SameSite=Strict"));
    }

    MaintenanceRunner runner() {
        return runner;
    }

    /**
     * Starts scheduled dry runs as this console's tracked runs (one schedule per console).
     *
     * @throws IllegalStateException when a schedule is already running
     */
    synchronized ScheduledRuns startSchedule(com.twsrobot.maintenance.core.schedule.ScheduleSettings settings) {
        if (schedule != null) {
            throw new IllegalStateException("a schedule is already running: " + schedule.settings().dryRun());
        }
        ScheduledRuns runs = ScheduledRuns.of(runner, settings, this::runScheduled);
        runs.start();
        schedule = runs;
        return runs;
    }

    /** Stops the schedule, if one runs. */
    void stopSchedule() {
        ScheduledRuns runs = schedule;
        if (runs != null) {
            runs.close();
        }
    }

    private ObjectNode status() {
        ObjectNode node = ReportJson.toTree(runner.status());
        node.set("run_in_progress", tracker.current().map(this::describe).orElse(null));
        ScheduledRuns runs = schedule;
        if (runs == null) {
            node.putNull("schedule");
        } else {
            node.putObject("schedule").put("dry_run", runs.settings().dryRun().toString())
                    .put("apply", runs.settings().applyWhenClean() ? "when-clean" : "never")
                    .put("next_due", ReportJson.timestamp(runs.nextDue()));
        }
        return node;
    }

    /** 200 when nothing fails, 503 when something does, so a plain HTTP probe can alert on it. */
    private ConsoleResponse health() {
        MaintenanceHealth.Health health = MaintenanceHealth.of(runner);
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("overall", health.overall());
        node.put("generated_at", ReportJson.timestamp(health.generatedAt()));
        ArrayNode parts = node.putArray("parts");
        for (MaintenanceHealth.Part part : health.parts()) {
            ObjectNode p = parts.addObject();
            p.put("name", part.name());
            p.put("task", part.task());
            p.put("state", part.state());
            p.put("reason", part.reason());
            if (part.ageSeconds().isPresent()) {
                p.put("age_seconds", part.ageSeconds().get());
            } else {
                p.putNull("age_seconds");
            }
            p.put("last_success", part.lastSuccess().map(ReportJson::timestamp).orElse(null));
            if (part.lastApplied().isPresent()) {
                MaintenanceHealth.Applied applied = part.lastApplied().get();
                p.putObject("last_apply").put("source", applied.source()).put("report_id", applied.reportId())
                        .put("at", ReportJson.timestamp(applied.at()));
            } else {
                p.putNull("last_apply");
            }
        }
        return json(health.overall().equals("fail") ? 503 : 200, node);
    }

    /**
     * Two versions of constituent files compared: {@code ?from=…&to=…[&task=…]}, each version a backup id,
     * {@code latest}, {@code current} or a report id; without a task, every constituent task both name.
     */
    private ObjectNode compare(Map<String, String> query) throws BadRequestException {
        String task = query.get("task");
        String from = query.get("from");
        String to = query.getOrDefault("to", MaintenanceRunner.CURRENT_VERSION);
        if (from == null) {
            throw BadRequestException.badRequest("from is required, e.g. ?task=" + exampleTask() + "&from=20260624_001500"
                    + "&to=current or ?from=REPORT_ID&to=REPORT_ID");
        }
        for (String id : List.of(from, to)) {
            if (!FileVersions.isVersionName(id)) {
                throw BadRequestException.badRequest("'" + id + "' is not a backup id (20260624_001500), a report id, "
                        + "latest or current");
            }
        }
        if (task == null) {
            return ReportJson.toTree(from, to, runner.compareAll(from, to));
        }
        try {
            return ReportJson.toTree(task, from, to, runner.compareVersions(task, from, to));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, e.getMessage());
        }
    }

    private ObjectNode currentRun() {
        ObjectNode node = ReportJson.mapper().createObjectNode();
        Optional<RunTracker.CurrentRun> run = tracker.current();
        node.put("running", run.isPresent());
        node.set("run", run.map(this::describe).orElse(null));
        return node;
    }

    private ObjectNode describe(RunTracker.CurrentRun run) {
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("label", run.label);
        node.put("dry_run", run.dryRun);
        node.put("started_at", ReportJson.timestamp(run.startedAt));
        ArrayNode tasks = node.putArray("tasks");
        run.tasks.forEach(tasks::add);
        ArrayNode progress = node.putArray("progress");
        for (String[] line : run.progress()) {
            progress.addObject().put("at", line[0]).put("message", line[1]);
        }
        return node;
    }

    private ArrayNode reports(Map<String, String> query) throws BadRequestException {
        int limit = limit(query, 20);
        int offset = wholeNumber(query, "offset", 0, 0, Integer.MAX_VALUE, "offset must be a whole number, 0 or more");
        ReportFilter filter;
        try {
            filter = ReportFilter.of(query.get("task"), query.get("status"), query.get("mode"), offset, limit,
                    runner.registry().taskNames());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.badRequest(e.getMessage());
        }
        ArrayNode array = ReportJson.mapper().createArrayNode();
        for (ReportSummary summary : runner.reports(filter)) {
            ObjectNode row = ReportJson.toTree(summary);
            // What the history shows beside the status: the tasks the run ran, and what kind of outcome it was.
            Optional<RunReport> report = runner.report(summary.reportId());
            ArrayNode tasks = row.putArray("tasks");
            report.ifPresent(r -> r.results().forEach(t -> tasks.add(t.task())));
            RunKind kind = report.map(RunKind::of).orElse(null);
            row.put("kind", kind == null ? null : kind.wireName());
            row.put("kind_label", kind == null ? "unreadable report" : kind.label());
            array.add(row);
        }
        return array;
    }

    private ConsoleResponse report(String id, Map<String, String> query) throws BadRequestException {
        if (!ReportStore.isReportId(id)) {
            throw new BadRequestException(404, "no report '" + id + "'");
        }
        String format = query.getOrDefault("format", "json");
        if (format.equals("markdown")) {
            String md = runner.reportMarkdown(id).orElseThrow(() -> new BadRequestException(404, "no report '" + id + "'"));
            return send(200, "text/markdown; charset=utf-8", md.getBytes(StandardCharsets.UTF_8), Map.of());
        } else if (format.equals("json")) {
            RunReport report = runner.report(id).orElseThrow(() -> new BadRequestException(404, "no report '" + id + "'"));
            return json(200, ReportJson.toTree(report));
        }
        throw BadRequestException.badRequest("format must be json or markdown");
    }

    private ArrayNode syncLog(Map<String, String> query) throws BadRequestException {
        MarketEventsService service = runner.marketEvents().orElseThrow(() -> new BadRequestException(501,
                "market events are not available in this runner (no market-events service is configured)"));
        int limit = limit(query, 50);
        ArrayNode array = ReportJson.mapper().createArrayNode();
        service.syncLog(limit).forEach(p -> array.add(ReportJson.toTree(p)));
        return array;
    }

    private static int limit(Map<String, String> query, int fallback) throws BadRequestException {
        return wholeNumber(query, "limit", fallback, 1, 500, "limit must be a whole number from 1 to 500");
    }

    /** A whole-number query parameter within [min, max], {@code fallback} when absent; else 400 with {@code message}. */
    private static int wholeNumber(Map<String, String> query, String name, int fallback, int min, int max, String message)
            throws BadRequestException {
        if (!query.containsKey(name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(query.get(name));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw BadRequestException.badRequest(message);
    }

    private ArrayNode backups(Map<String, String> query) throws BadRequestException {
        Optional<String> task = Optional.ofNullable(query.get("task"));
        if (task.isPresent()) {
            constituentTask(task.get());
        }
        ArrayNode array = ReportJson.mapper().createArrayNode();
        for (Backup b : runner.backups(task)) {
            String taskName = runner.indexes().stream().filter(i -> i.fileName().equals(b.fileName()))
                    .map(IndexSpec::taskName).findFirst().orElse("");
            ObjectNode row = array.addObject().put("backup_id", b.id()).put("task", taskName).put("file", b.fileName())
                    .put("taken_at", ReportJson.timestamp(b.takenAt())).put("size_bytes", b.size());
            // What the operator restores to: how many rows the backup holds, and the apply that took it.
            try {
                row.put("row_count", com.twsrobot.maintenance.core.constituents.ConstituentFile.read(b.path()).table().rowCount());
            } catch (IOException | com.twsrobot.maintenance.core.csv.CsvFormatException e) {
                row.putNull("row_count");
                row.put("row_count_problem", e.getMessage());
            }
            String reportId = "maintenance_" + b.id(); // an apply's backups are named after its report (BackupStore.idFor)
            row.put("report_id", ReportStore.isReportId(reportId) && runner.report(reportId).isPresent() ? reportId : null);
        }
        return array;
    }

    private RunRequest rollbackRequest(String body) throws BadRequestException {
        JsonNode root = RunRequestParser.object(body, List.of("task", "backup_id", "dry_run"));
        JsonNode task = root.get("task");
        if (task == null || !task.isTextual()) {
            throw BadRequestException.badRequest("task must be the name of a constituent task, e.g. " + exampleTask());
        }
        constituentTask(task.asText());
        JsonNode backup = root.get("backup_id");
        if (backup != null && !backup.isNull() && !backup.isTextual()) {
            throw BadRequestException.badRequest("backup_id must be a string such as 20260624_001500");
        }
        String id = backup == null || backup.isNull() ? RunRequest.LATEST_BACKUP : backup.asText();
        if (!id.equals(RunRequest.LATEST_BACKUP) && !BackupStore.BACKUP_ID.matcher(id).matches()) {
            throw BadRequestException.badRequest("backup_id must look like 20260624_001500");
        }
        JsonNode dryRun = root.get("dry_run");
        if (dryRun != null && !dryRun.isBoolean()) {
            throw BadRequestException.badRequest("dry_run must be true or false");
        }
        // A preview unless the body says "dry_run": false, as for every other run.
        RunRequest.Builder request = RunRequest.builder().task(task.asText()).rollback(id);
        return dryRun != null && !dryRun.asBoolean() ? request.apply().build() : request.build();
    }

    private RunRequest eventsRefreshRequest(String body) throws BadRequestException {
        JsonNode root = RunRequestParser.object(body, List.of("symbols", "days_ahead"));
        if (!runner.registry().taskNames().contains("market_events")) {
            throw new BadRequestException(501, "market events are not available in this runner (no market_events task)");
        }
        RunRequest.Builder b = RunRequest.builder().task("market_events").apply()
                .eventSymbols(RunRequestParser.strings(root, "symbols"));
        JsonNode days = root.get("days_ahead");
        if (days != null) {
            if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > RunRequest.MAX_DAYS_AHEAD) {
                throw BadRequestException.badRequest("days_ahead must be a whole number from 1 to 90");
            }
            b.daysAhead(days.asInt());
        }
        return b.build();
    }

    /** A constituent task of this runner, for examples in messages. */
    private String exampleTask() {
        return runner.indexes().stream().map(IndexSpec::taskName).findFirst().orElse("TASK");
    }

    private void constituentTask(String name) throws BadRequestException {
        if (runner.indexes().stream().noneMatch(i -> i.taskName().equals(name))) {
            throw BadRequestException.badRequest("unknown constituent task '" + name + "'; known: "
                    + runner.indexes().stream().map(IndexSpec::taskName).toList());
        }
    }

    /** One run at a time: a second one gets 409 naming the first; a run another process locked out gets 409 too. */
    private ConsoleResponse run(ConsoleRequest ex, RunRequest request, String label) throws BadRequestException {
        List<String> names;
        try {
            names = taskNames(request);
        } catch (UnknownTaskException e) {
            throw BadRequestException.badRequest(e.getMessage());
        }
        Optional<String> apiToken = security.apiTokenLabel(ex);
        String by = apiToken.map(t -> " by API token " + t).or(() -> ex.user().map(u -> " by " + u)).orElse("");
        // The report records which program asked: "trigger": "api:LABEL".
        RunRequest recorded = apiToken.map(t -> request.withTrigger(RunRequest.API_PREFIX + t)).orElse(request);
        Optional<RunReport> ran = runTracked(recorded, label + by, names);
        if (ran.isEmpty()) {
            RunTracker.CurrentRun busy = tracker.current().orElse(null);
            return json(409, error(busy == null ? "a run is in progress; try again in a moment"
                    : "a " + busy.label + " is in progress (tasks " + busy.tasks + ", started "
                    + ReportJson.timestamp(busy.startedAt) + "); try again when it has finished"));
        }
        RunReport report = ran.get();
        ObjectNode tree = ReportJson.toTree(report);
        if (request.isRollback()) {
            // What the operator confirms a restore against: the rollback dialog shows it beside the diff.
            ArrayNode open = tree.putArray("market_open");
            runner.marketOpenWarnings().forEach(open::add);
        }
        return json(report.refusedByLock() ? 409 : 200, tree);
    }

    private List<String> taskNames(RunRequest request) throws UnknownTaskException {
        return request.hasPlan() && request.tasks().isEmpty() ? List.of()
                : runner.registry().resolve(request.tasks()).stream().map(t -> t.name()).toList();
    }

    /** Runs the request as this console's one run, or returns empty when another is under way. */
    private Optional<RunReport> runTracked(RunRequest request, String label, List<String> names) {
        Optional<RunTracker.CurrentRun> claimed = tracker.begin(label, names, request.dryRun());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(runner.run(request, message -> tracker.progress(claimed.get(), message)));
        } finally {
            tracker.end(claimed.get());
        }
    }

    /** A scheduled run, as the one run every tab follows; empty when another run is under way. */
    Optional<RunReport> runScheduled(RunRequest request) {
        try {
            return runTracked(request, request.dryRun() ? "scheduled dry run" : "scheduled apply", taskNames(request));
        } catch (UnknownTaskException e) {
            throw new IllegalArgumentException("schedule.tasks: " + e.getMessage(), e);
        }
    }

    /** The most of an oversized body read and dropped before answering 413 (the read timeout bounds the time). */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private String body(ConsoleRequest ex) throws IOException, BadRequestException {
        try (InputStream in = ex.body()) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                // Read (and drop) the rest, up to a bound, so the client is still listening when the 413 comes;
                // closing on a client that is still sending would reset the connection instead.
                byte[] sink = new byte[64 * 1024];
                for (long left = DRAIN_LIMIT, n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                    left -= n;
                }
                throw new BadRequestException(413, "request body larger than " + maxBodyBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(String raw) throws BadRequestException {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        try {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        } catch (IllegalArgumentException e) {
            throw BadRequestException.badRequest("unreadable query string");
        }
        return out;
    }

    private static ObjectNode error(String message) {
        return ReportJson.mapper().createObjectNode().put("error", message);
    }

    private ConsoleResponse resource(ConsoleRequest ex, String name, String type) throws IOException {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("console resource " + name + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{CSRF_TOKEN}}",
                    security.csrfToken()).replace("{{BASE_PATH}}", ex.base());
            return send(200, type, text.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    /** Where the uPlot WebJar (the pom's version) keeps its files. */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** A charting library file, served by the console itself so the page needs nothing from elsewhere. */
    private static ConsoleResponse vendor(String name, String type) throws IOException {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(UPLOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar's " + name + " is missing from the class path");
            }
            return send(200, type, in.readAllBytes(), Map.of());
        }
    }

    private static ConsoleResponse redirect(String location, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Location", location);
        return new ConsoleResponse(303, headers, new byte[0]);
    }

    private static final String JSON = "application/json; charset=utf-8";

    private static ConsoleResponse json(int status, JsonNode body) {
        return send(status, JSON, ReportJson.pretty(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static ConsoleResponse send(int status, String type, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", type);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        return new ConsoleResponse(status, headers, body);
    }
}
