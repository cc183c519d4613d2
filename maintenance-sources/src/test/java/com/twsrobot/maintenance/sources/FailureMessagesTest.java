package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator reads why a fetch failed in words, never as Java class names: each expected failure
 * (refused connection, no answer in time, HTTP 503, a body over the cap, a page without the table) is
 * provoked through the runner, and every error and warning of its report is checked.
 */
class FailureMessagesTest {

    /** For the one failure that is the timeout itself: the server answers after 3 s, six times this. */
    private static final HttpSettings ONE_QUICK_TRY = HttpSettings.DEFAULT.withAttemptsPerUrl(1)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
    /**
     * For failures that are the answer (a status, a body, a page): a loopback answer on a busy 2-core
     * machine can take longer than 500 ms, and a timeout would change the message and the count of tries.
     */
    private static final HttpSettings ONE_TRY = HttpSettings.DEFAULT.withAttemptsPerUrl(1)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** The errors and warnings of the run and of its tasks. */
    private static List<String> messages(RunReport report) {
        List<String> all = new ArrayList<>(report.errors());
        all.addAll(report.warnings());
        for (TaskResult r : report.results()) {
            all.addAll(r.errors());
            all.addAll(r.warnings());
        }
        return all;
    }

    private static RunReport refreshHsi(String url, HttpSettings http) {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).http(http).sourceTimeout(Duration.ofSeconds(10)).build();
            return runner.run(RunRequest.builder().task("hsi_constituents").sourceUrl("hsi", url).build());
        }
    }

    private static void assertWordsOnly(RunReport report, String... expected) {
        List<String> messages = messages(report);
        assertThat(report.results().get(0).errors()).isNotEmpty();
        assertThat(String.join("\n", messages)).contains(expected);
        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("java.").doesNotContain("Exception")
                .doesNotContainPattern("\\b[A-Z][a-z]+[A-Z][A-Za-z]*Error\\b"));
    }

    @Test
    void aRefusedConnection() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertWordsOnly(refreshHsi("http://127.0.0.1:" + port + "/hsi", ONE_TRY),
                "could not connect to 127.0.0.1:" + port + " (connection refused) while fetching http://127.0.0.1:" + port);
    }

    @Test
    void noAnswerInTime() {
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/hsi", Response.html("<html></html>").delayed(Duration.ofSeconds(3)));
            assertWordsOnly(refreshHsi(server.url("/hsi"), ONE_QUICK_TRY), "in time");
        }
    }

    @Test
    void aServerError() {
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/hsi", Response.status(503));
            assertWordsOnly(refreshHsi(server.url("/hsi"), ONE_TRY.withAttemptsPerUrl(2)), "HTTP 503 (2 tries)");
            assertThat(server.hits("/hsi")).isEqualTo(2);
        }
    }

    @Test
    void aBodyOverTheCapIsReadOnce() {
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/hsi", Response.html(Fixtures.page("wikipedia_hsi.html")));
            assertWordsOnly(refreshHsi(server.url("/hsi"), ONE_TRY.withAttemptsPerUrl(3).withMaxBodyBytes(1000)),
                    "larger than 1000 bytes");
            assertThat(server.hits("/hsi")).isEqualTo(1);
        }
    }

    @Test
    void aPageWithoutTheTable() {
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/hsi", Response.html("<html><body><p>maintenance</p><table><tr><td>x</td></tr></table>"));
            assertWordsOnly(refreshHsi(server.url("/hsi"), ONE_TRY), "hsi");
        }
    }
}
