package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console mounted as a servlet under a host's context path in an embedded Jetty, behind the host's
 * login: a host filter signs in whoever carries the host's session cookie, and the console takes the
 * container's principal through {@link MaintenanceConsoleServlet.HostAuthentication#containerLogin()}.
 */
class ConsoleServletTest {

    private static final String MOUNT = "/host/ops";
    private static final String SESSION = "host-session=alice";

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private String origin;

    @BeforeEach
    void startHost() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS)
                .source(FakeSource.returning("sp500", Rows.usTickers(500))).source(FakeSource.returning("sti", Rows.sgxCodes(30)))
                .source(FakeSource.returning("hsi", Rows.hkexCodes(85))).build();
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler("/host");
        Filter hostLogin = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            boolean signedIn = http.getCookies() != null && Arrays.stream(http.getCookies())
                    .anyMatch(c -> c.getName().equals("host-session") && c.getValue().equals("alice"));
            chain.doFilter(!signedIn ? request : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> "alice";
                }
            }, response);
        };
        context.addFilter(new FilterHolder(hostLogin), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new MaintenanceConsoleServlet(runner,
                MaintenanceConsoleServlet.HostAuthentication.containerLogin())), "/ops/*");
        server.setHandler(context);
        server.start();
        origin = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        ws.close();
    }

    private HttpResponse<String> get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + MOUNT + path)).GET();
        if (signedIn) {
            b.header("Cookie", SESSION);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + MOUNT + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Cookie", SESSION);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() throws Exception {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(get("/maintenance", true).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ReportJson.mapper().readTree(response.body());
    }

    @Test
    void theRoutesAreAPlainRequestResponseComponentAnyServerCanCall() throws Exception {
        ConsoleRoutes routes = ConsoleRoutes.behindHostLogin(MaintenanceRunner.builder().dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS).build(),
                ConsoleOptions.defaults());
        java.util.function.Function<java.util.Optional<String>, ConsoleRequest> status = user -> new ConsoleRequest("GET",
                "https", "/ops", "/api/maintenance/status", null, Map.of("Host", java.util.List.of("ops.example")),
                java.net.InetAddress.getLoopbackAddress(), java.io.InputStream.nullInputStream(), user);
        ConsoleResponse answered = routes.handle(status.apply(java.util.Optional.of("alice")));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(new String(answered.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"constituents\"");
        assertThat(routes.handle(status.apply(java.util.Optional.empty())).status()).isEqualTo(401);
    }

    /** Behind the host's login, an API token the host configured stands in for a signed-in user and the CSRF token. */
    @Test
    void behindTheHostsLoginAProgramMayUseAnApiTokenTheHostConfigured() throws Exception {
        String token = "host-bot-token-0123456789abcdef";
        ConsoleRoutes routes = ConsoleRoutes.behindHostLogin(MaintenanceRunner.builder().churnThresholds(null, 1, 1)
                .dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false)
                .indexes(BuiltIns.SPECS).source(FakeSource.returning("sti", Rows.sgxCodes(30))).build(),
                ConsoleOptions.defaults().withApiTokens(ApiTokens.of(Map.of("host-bot", token))));
        java.util.function.BiFunction<String, String, ConsoleRequest> run = (auth, body) -> new ConsoleRequest("POST", "https",
                "/ops", "/api/maintenance/run", null, auth == null ? Map.of("Host", java.util.List.of("ops.example"))
                : Map.of("Host", java.util.List.of("ops.example"), "Authorization", java.util.List.of(auth)),
                java.net.InetAddress.getLoopbackAddress(), new java.io.ByteArrayInputStream(body.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), java.util.Optional.empty());
        ConsoleResponse ran = routes.handle(run.apply("Bearer " + token, "{\"tasks\": [\"sti_constituents\"]}"));
        assertThat(ran.status()).isEqualTo(200);
        assertThat(ReportJson.mapper().readTree(ran.body()).get("detail").get("trigger").asText()).isEqualTo("api:host-bot");
        assertThat(routes.handle(run.apply(null, "{}")).status()).isEqualTo(401);
        assertThat(routes.handle(run.apply("Bearer " + token + "x", "{}")).status()).isEqualTo(401);
    }

    @Test
    void withoutTheHostsLoginEveryRouteIsRefused() throws Exception {
        for (String path : new String[]{"/maintenance", "/api/maintenance/status", "/api/maintenance/health", "/metrics"}) {
            HttpResponse<String> response = get(path, false);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(json(response).get("error").asText()).contains("sign in to " + MOUNT);
        }
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(origin + MOUNT + "/api/maintenance/run"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(401);
    }

    @Test
    void theDashboardAndItsAssetsAreServedUnderTheMount() throws Exception {
        HttpResponse<String> page = get("/maintenance", true);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"base-path\" content=\"" + MOUNT + "\">",
                "src=\"" + MOUNT + "/maintenance/app.js\"", "href=\"" + MOUNT + "/maintenance/app.css\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'"));
        assertThat(get("/maintenance/app.js", true).body()).contains("fetch(BASE + path");
        HttpResponse<String> root = get("/", true);
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue(MOUNT + "/maintenance");
        assertThat(json(get("/api/maintenance/status", true)).get("constituents")).hasSize(3);
        assertThat(get("/api/maintenance/nope", true).statusCode()).isEqualTo(404);
        assertThat(get("/api/maintenance/run", true).statusCode()).isEqualTo(405);
    }

    @Test
    void aSignedInUserPreviewsAndAppliesUnderTheSameCsrfAndBodyRules() throws Exception {
        String csrf = csrf();
        Map<String, String> ok = Map.of("X-CSRF-Token", csrf, "Origin", origin);
        var before = ws.dataFingerprint();
        byte[] sti = ws.readData("sti_constituents.csv");
        byte[] hsi = ws.readData("hsi_constituents.csv");
        assertThat(post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}", Map.of("Origin", origin))
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}",
                Map.of("X-CSRF-Token", csrf, "Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post("/api/maintenance/run", "{\"taks\": []}", ok);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).contains("taks");
        assertThat(post("/api/maintenance/run", "{\"tasks\": [\"" + "x".repeat(70_000) + "\"]}", ok).statusCode())
                .isEqualTo(413);
        assertThat(ws.dataFingerprint()).isEqualTo(before);

        JsonNode preview = json(post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}", ok));
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        JsonNode applied = json(post("/api/maintenance/run", "{\"dry_run\": false, \"plan_id\": \""
                + preview.get("report_id").asText() + "\"}", ok));
        assertThat(applied.get("status").asText()).isIn("success", "warning");
        assertThat(ws.readData("sti_constituents.csv")).isNotEqualTo(sti);
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(hsi);
    }
}
