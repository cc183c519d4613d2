package com.twsrobot.maintenance.cli;

import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The launcher's training run (hidden): what a normal dry run does — parsing the bundled page copies,
 * comparing them with the files already there (written first by an apply of those copies), validation,
 * plans, reports, HTTP fetches from a loopback server, the events preview, status — in a
 * temporary directory, so that the class-data archive (JDK 17) or the ahead-of-time cache (JDK 25) it
 * records covers the paths real runs take. It never touches the operator's data. The indices are the
 * runner's: a snapshot dry run parses each plug-in's bundled page; then every source key is pointed at
 * the loopback server, which serves the bundled FOMC page (the index pages fail to parse there, which
 * is a path real runs take too).
 */
@Command(name = "__train", hidden = true, description = "Records the launcher's start-up cache (internal).")
final class TrainCommand implements Callable<Integer> {

    private static final String FOMC_PAGE = "com/twsrobot/maintenance/sources/events/fed_fomc_calendars.html";

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("tws-maintenance-train-");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = TrainCommand.class.getClassLoader().getResourceAsStream(FOMC_PAGE)) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(in == null ? 404 : 200, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(dir.resolve("data"))
                    .reportsDir(dir.resolve("reports")).progressListener(m -> { }).build();
            // First the files a host has (an apply of the bundled copies into the empty temporary directory),
            // then the dry run every later start takes: the proposal compared with those files row by row.
            runner.run(RunRequest.builder().task("constituents").snapshot(true).mode(RunMode.apply())
                    .allowLargeChange(true).build());
            // Both dry runs through the command line itself, as an operator's are: its options, its runner
            // and its summary (the launcher throws the training's output away). Only in the temporary
            // directory: the operator's environment (a config file, an events database) is not read.
            MaintenanceCli.environment = name -> null;
            java.util.List<String> where = java.util.List.of("--data-dir", dir.resolve("data").toString(),
                    "--reports-dir", dir.resolve("reports").toString(), "--events-db",
                    "jdbc:sqlite:" + dir.resolve("data").resolve("market_events.db"));
            java.util.List<String> snapshot = new java.util.ArrayList<>(where);
            snapshot.addAll(java.util.List.of("run", "--task", "constituents", "--snapshot"));
            MaintenanceCli.execute(snapshot.toArray(String[]::new));
            java.util.List<String> live = new java.util.ArrayList<>(where);
            live.addAll(java.util.List.of("run", "--task", "constituents", "--task", "events"));
            for (String key : runner.sourceKeys()) {
                live.addAll(java.util.List.of("--source-url", key + "=" + base + "/" + key));
            }
            MaintenanceCli.execute(live.toArray(String[]::new));
            runner.status();
            return MaintenanceCli.EXIT_OK;
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
