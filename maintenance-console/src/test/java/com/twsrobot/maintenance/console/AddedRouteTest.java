package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adding a route is this one file: two routes that declare their {@link RouteSpec}, served by a real
 * console beside the built-in ones, and secured like them without saying so.
 */
class AddedRouteTest {

    private static final String ACCESS = "access-token-for-the-added-route-test";
    private static final String API_TOKEN = "api-token-for-the-added-route-test";

    /** {@code GET /api/maintenance/hello}: a greeting. */
    static final class HelloRoute implements ConsoleRoute {
        @Override
        public RouteSpec spec() {
            return RouteSpec.get("/api/maintenance/hello");
        }

        @Override
        public ConsoleResponse handle(RouteCall call) {
            return Answers.json(200, ReportJson.mapper().createObjectNode()
                    .put("hello", call.query().getOrDefault("name", "operator")));
        }
    }

    /** {@code POST /api/maintenance/echo}: binds its body to a record and answers with it. */
    static final class EchoRoute implements ConsoleRoute {
        record Body(@JsonProperty("word") String word) {
        }

        @Override
        public RouteSpec spec() {
            return RouteSpec.post("/api/maintenance/echo");
        }

        @Override
        public ConsoleResponse handle(RouteCall call) throws IOException {
            return call.body().then(text -> JsonBody.bind(text, Body.class, f -> f + " must be a string"))
                    .respond(body -> Answers.json(200, ReportJson.mapper().createObjectNode().put("echo", body.word())));
        }
    }

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    private void start() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-06-24T00:15:00Z")).progressListener(m -> { }).discover(false)
                .indexes(BuiltIns.SPECS).build();
        console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0).withAccessToken(ACCESS)
                .withApiTokens(ApiTokens.of(Map.of("robot", API_TOKEN))), List.of(new HelloRoute(), new EchoRoute()));
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAddedGetRouteIsServedOnlyWithAccess() throws Exception {
        start();
        assertThat(send("GET", "/api/maintenance/hello", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/maintenance/hello", null, "Authorization", "Bearer wrong-token-of-sixteen")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> hello = send("GET", "/api/maintenance/hello?name=ops", null, "Authorization", "Bearer " + ACCESS);
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(ReportJson.mapper().readTree(hello.body()).get("hello").asText()).isEqualTo("ops");
        assertThat(hello.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> v.contains("default-src 'self'"));
        HttpResponse<String> wrongMethod = send("POST", "/api/maintenance/hello", "{}", "Authorization", "Bearer " + API_TOKEN);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        // The built-in routes are still there.
        assertThat(send("GET", "/api/maintenance/status", null, "Authorization", "Bearer " + ACCESS).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddedPostRouteNeedsTheCsrfRulesOrAnApiTokenAndBindsItsBodyStrictly() throws Exception {
        start();
        String body = "{\"word\": \"hi\"}";
        assertThat(send("POST", "/api/maintenance/echo", body).statusCode()).isEqualTo(401);
        HttpResponse<String> noCsrf = send("POST", "/api/maintenance/echo", body, "Authorization", "Bearer " + ACCESS);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("X-CSRF-Token");
        HttpResponse<String> echoed = send("POST", "/api/maintenance/echo", body, "Authorization", "Bearer " + API_TOKEN);
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(ReportJson.mapper().readTree(echoed.body()).get("echo").asText()).isEqualTo("hi");
        HttpResponse<String> unknown = send("POST", "/api/maintenance/echo", "{\"wrod\": \"hi\"}",
                "Authorization", "Bearer " + API_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ReportJson.mapper().readTree(unknown.body()).get("error").asText())
                .isEqualTo("unknown field 'wrod' (known: word)");
        assertThat(send("GET", "/api/maintenance/echo", null, "Authorization", "Bearer " + ACCESS).statusCode())
                .isEqualTo(405);
    }

    @Test
    void aRouteCannotTakeAPathAndMethodAnotherAlreadyAnswers() {
        ConsoleRoute twin = new ConsoleRoute() {
            @Override
            public RouteSpec spec() {
                return RouteSpec.get("/metrics");
            }

            @Override
            public ConsoleResponse handle(RouteCall call) {
                return Answers.error(500, "never");
            }
        };
        assertThatThrownBy(() -> RouteTable.withBuiltIns(List.of(twin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /metrics");
    }
}
