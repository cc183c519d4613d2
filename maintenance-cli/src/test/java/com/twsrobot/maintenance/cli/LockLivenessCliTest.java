package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twelve CLI processes apply at once, three rounds: exactly one writes, every other's report says it
 * was refused by the lock ({@code lock_held_by}), no live run is ever listed as interrupted and no
 * report is left {@code in_progress}. The winner holds the lock while its page is held back by the
 * test's server until every other process has exited, so the overlap is certain, not timed.
 */
class LockLivenessCliTest {

    private static final int PROCESSES = 12;
    private static final int ROUNDS = 3;
    /** Generous bounds for a busy 2-core machine starting twelve JVMs; hitting one fails the test. */
    private static final long EXIT_SECONDS = 240;

    private record Outcome(int exitCode, String stdout) {
    }

    @Test
    void twelveConcurrentAppliersThreeRoundsOneWriterTheOthersRefusedByTheLock() throws Exception {
        String page = Fixtures.page("wikipedia_sti.html");
        AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sti", exchange -> {
            fetches.incrementAndGet();
            try {
                gate.get().await(EXIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gated-page");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sti";
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            Path config = ws.root().resolve("maintenance.properties");
            Files.writeString(config, "source_timeout_seconds = 600\n");
            for (int round = 1; round <= ROUNDS; round++) {
                gate.set(new CountDownLatch(1));
                fetches.set(0);
                body.set(page.replace(">DBS Group Holdings<", ">DBS Group Holdings r" + round + "<"));
                List<Process> processes = new ArrayList<>();
                for (int i = 0; i < PROCESSES; i++) {
                    processes.add(new ProcessBuilder(ChildJvm.command(ChildJvm.java("-Xmx96m", "-Xshare:auto", "-XX:TieredStopAtLevel=1"),
                            "-cp", System.getProperty("java.class.path"),
                            MaintenanceCli.class.getName(), "--config", config.toString(),
                            "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                            "run", "--apply", "--json", "--task", "sti_constituents", "--source-url", "sti=" + url))
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
                }
                List<Outcome> refused = new ArrayList<>();
                // Every process but the lock's holder ends on its own; the holder waits at the gate.
                List<Process> waiting = new ArrayList<>(processes);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_SECONDS);
                while (waiting.size() > 1 && System.nanoTime() < deadline) {
                    for (Process p : List.copyOf(waiting)) {
                        if (!p.isAlive()) {
                            waiting.remove(p);
                            Outcome o = new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(),
                                    StandardCharsets.UTF_8));
                            refused.add(o);
                        }
                    }
                    Thread.sleep(50);
                }
                assertThat(waiting).as("round " + round + ": all but the lock holder ended: " + refused).hasSize(1);
                Process winner = waiting.get(0);
                gate.get().countDown();
                String winnerOut = new String(winner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(winner.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).isTrue();

                assertThat(fetches.get()).as("round " + round + ": only the writer fetched").isEqualTo(1);
                assertThat(winner.exitValue()).as(winnerOut).isEqualTo(0);
                JsonNode written = ReportJson.mapper().readTree(winnerOut);
                assertThat(written.path("detail").has("interrupted_runs")).as("no live run listed as interrupted: "
                        + written.path("detail")).isFalse();
                assertThat(written.path("results").get(0).path("detail").path("written").asBoolean()).isTrue();
                for (Outcome o : refused) {
                    assertThat(o.exitCode()).as(o.stdout()).isEqualTo(3);
                    JsonNode report = ReportJson.mapper().readTree(o.stdout());
                    assertThat(report.path("status").asText()).isEqualTo("failed");
                    assertThat(report.path("detail").path("lock_held_by").asText()).startsWith("pid ");
                    assertThat(report.path("errors").toString()).contains("another maintenance run holds");
                }
                assertThat(Files.readString(ws.dataFile("sti_constituents.csv"))).contains("DBS Group Holdings r" + round);
            }
            // On disk: 36 reports, none in_progress, none interrupted; 3 writers, 33 refused by the lock.
            int writers = 0;
            int lockRefused = 0;
            try (Stream<Path> files = Files.list(ws.reportsDir())) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("maintenance_[0-9_]+\\.json")).toList()) {
                    JsonNode report = ReportJson.mapper().readTree(Files.readString(f));
                    assertThat(report.path("status").asText()).as(f.toString()).isNotIn("in_progress", "interrupted");
                    if (report.path("detail").has("lock_held_by")) {
                        lockRefused++;
                    } else {
                        writers++;
                    }
                }
            }
            assertThat(writers).isEqualTo(ROUNDS);
            assertThat(lockRefused).isEqualTo(ROUNDS * (PROCESSES - 1));
        } finally {
            server.stop(0);
        }
    }
}
