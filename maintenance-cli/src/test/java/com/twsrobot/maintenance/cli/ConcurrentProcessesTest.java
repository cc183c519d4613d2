package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several CLI processes apply at once: one writes at a time, the others exit 3 naming the lock
 * holder, and no update is lost or interleaved.
 */
class ConcurrentProcessesTest {

    private static final int PROCESSES = 4;

    private record Outcome(int version, int exitCode, String stdout, String stderr) {
    }

    @Test
    void oneWriterAtATimeTheOthersAreRefusedWithTheLockMessage() throws Exception {
        String page = Fixtures.page("wikipedia_sti.html");
        // Overlap by the mechanism, not by timing: a run's page is answered only once every process has either
        // asked for its page (it holds the lock, taken before any task fetches) or ended (refused by the lock).
        CountDownLatch accounted = new CountDownLatch(PROCESSES);
        AtomicBoolean[] seen = new AtomicBoolean[PROCESSES + 1];
        for (int v = 1; v <= PROCESSES; v++) {
            seen[v] = new AtomicBoolean();
        }
        java.util.function.IntConsumer account = v -> {
            if (!seen[v].getAndSet(true)) {
                accounted.countDown();
            }
        };
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        for (int v = 1; v <= PROCESSES; v++) {
            int version = v;
            byte[] body = page.replace(">DBS Group Holdings<", ">DBS Group Holdings v" + v + "<").getBytes(StandardCharsets.UTF_8);
            server.createContext("/sti" + v, exchange -> {
                try (exchange) {
                    account.accept(version);
                    // Bounded: past it the page is answered anyway and the assertions below say what happened.
                    accounted.await(120, TimeUnit.SECONDS);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            List<Process> processes = new ArrayList<>();
            for (int v = 1; v <= PROCESSES; v++) {
                int version = v;
                Process p = new ProcessBuilder(ChildJvm.command(ChildJvm.java(),
                        "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                        "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                        "run", "--apply", "--json", "--task", "sti_constituents",
                        "--source-url", "sti=" + base + "/sti" + v)).start();
                p.onExit().thenRun(() -> account.accept(version));
                processes.add(p);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int v = 1; v <= PROCESSES; v++) {
                Process p = processes.get(v - 1);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
                outcomes.add(new Outcome(v, p.exitValue(), out, err));
            }
            assertThat(accounted.getCount()).as("every process asked for its page or ended").isZero();

            List<Outcome> winners = outcomes.stream().filter(o -> o.exitCode() == 0).toList();
            List<Outcome> refused = outcomes.stream().filter(o -> o.exitCode() != 0).toList();
            assertThat(winners).as(outcomes.toString()).isNotEmpty();
            assertThat(refused).as("runs overlapped, so some were refused").isNotEmpty();
            for (Outcome o : refused) {
                assertThat(o.exitCode()).as(o.toString()).isEqualTo(3);
                assertThat(o.stdout()).contains("another maintenance run holds", ".maintenance.lock", "pid ");
            }

            // Writers never overlapped, and each one's backup is exactly what the previous writer left.
            List<JsonNode> reports = new ArrayList<>();
            for (Outcome w : winners) {
                reports.add(ReportJson.mapper().readTree(w.stdout()));
            }
            reports.sort(Comparator.comparing(r -> Instant.parse(r.get("started_at").asText())));
            String original = new String(Fixtures.currentConstituents("sti_constituents.csv"), StandardCharsets.UTF_8);
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    assertThat(Instant.parse(reports.get(i).get("started_at").asText()))
                            .isAfterOrEqualTo(Instant.parse(reports.get(i - 1).get("finished_at").asText()));
                }
                String backup = Files.readString(Path.of(reports.get(i).get("results").get(0).get("detail").get("backup")
                        .asText()));
                if (i == 0) {
                    assertThat(backup).isEqualTo(original);
                } else {
                    assertThat(backup).contains("DBS Group Holdings v" + version(reports.get(i - 1)) + ",");
                }
            }
            assertThat(Files.readString(ws.dataFile("sti_constituents.csv")))
                    .contains("DBS Group Holdings v" + version(reports.get(reports.size() - 1)) + ",");
            try (Stream<Path> files = Files.list(ws.dataDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** Which page version a run read, from its source URL ({@code .../sti3} is version 3). */
    private static String version(JsonNode report) {
        String source = report.get("results").get(0).get("source").asText();
        return source.substring(source.lastIndexOf("/sti") + 4);
    }
}
