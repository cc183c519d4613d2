package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/host-python.md, run: its {@code python} blocks are cut out into {@code tws_maintenance_host.py}
 * and driven by {@code host-python/recipe_check.py} with {@code python3} against a real {@code serve}
 * process (API tokens, an invalidation URL that is the recipe's own receiver, generation markers) reading
 * a loopback fixture page. The Flask block is compiled. python3 missing fails in CI (.ci/run installs it).
 */
class HostPythonRecipeTest {

    private static final Path DOC = Path.of("..", "docs", "host-python.md");
    private static final String CONSOLE_TOKEN = "flask-host-console-token-0123456789";
    private static final String INVALIDATE_TOKEN = "flask-host-invalidate-token-0123456789";
    private static final long BOUND_SECONDS = 120; // every wait below: a bound for a busy machine, not a timing
    /** Readers of the processes' output: their own threads, as they block (the common pool may have one). */
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recipe-output");
        t.setDaemon(true);
        return t;
    });

    private static String python3() throws Exception {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return version;
            }
        } catch (IOException e) {
            // not installed: decided below
        }
        if (System.getenv("CI") == null) {
            Assumptions.abort("python3 is not installed (apt-get install python3); .ci/run installs it");
        }
        throw new AssertionError("python3 must be installed in CI for the Python host recipe (docs/host-python.md)");
    }

    /** The doc's code blocks fenced with exactly this info string, in order. */
    static List<String> blocks(String markdown, String info) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```" + Pattern.quote(info) + "\\n(.*?)^```$", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void thePythonHostRecipeDrivesARealConsoleWithOnlyItsApiToken() throws Exception {
        String version = python3();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> module = blocks(doc, "python");
        List<String> flask = blocks(doc, "python flask");
        assertThat(module).as("the module's blocks").hasSizeGreaterThanOrEqualTo(4);
        assertThat(flask).as("the Flask route").hasSize(1);
        assertThat(flask.get(0)).contains("@app.post(", "tws.handle_invalidation(");

        try (TempWorkspace ws = TempWorkspace.create().withConstituents(false);
             FixtureServer pages = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"))) {
            Path dir = ws.root().resolve("host");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tws_maintenance_host.py"), String.join("\n\n", module), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("flask_route.py"), flask.get(0), StandardCharsets.UTF_8);
            Path check;
            try (InputStream in = HostPythonRecipeTest.class.getResourceAsStream("/host-python/recipe_check.py")) {
                check = dir.resolve("recipe_check.py");
                Files.write(check, in.readAllBytes());
            }
            Path consoleToken = secret(dir.resolve("console-token"), CONSOLE_TOKEN + "\n");
            Path apiTokens = secret(dir.resolve("console-api-tokens"), "# the Flask host\nflask-host " + CONSOLE_TOKEN + "\n");
            Path invalidateToken = secret(dir.resolve("invalidate-token"), INVALIDATE_TOKEN + "\n");
            Path config = dir.resolve("maintenance.properties");
            Files.writeString(config, "source_url.sti = " + pages.url("/sti") + "\n");

            Process compiled = new ProcessBuilder("python3", "-c", "import sys; compile(open(sys.argv[1]).read(), "
                    + "sys.argv[1], 'exec')", dir.resolve("flask_route.py").toString()).redirectErrorStream(true).start();
            String compileOut = new String(compiled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(compiled.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(compiled.exitValue()).as("the Flask block compiles (" + version + "): " + compileOut).isZero();

            Process python = new ProcessBuilder("python3", check.toString(), dir.toString(), ws.dataDir().toString(),
                    consoleToken.toString(), invalidateToken.toString()).redirectErrorStream(true).start();
            Process serve = null;
            StringBuilder pythonOut = new StringBuilder();
            try {
                BufferedReader fromPython = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
                String receiver = line(fromPython, pythonOut, l -> l.startsWith("RECEIVER "));
                int port = Integer.parseInt(receiver.substring("RECEIVER ".length()).trim());

                serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                        "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                        "--config", config.toString(),
                        "--invalidate-url", "http://127.0.0.1:" + port + "/internal/tws-maintenance/invalidate",
                        "--invalidate-token-file", invalidateToken.toString(), "--invalidate-marker",
                        "serve", "--port", "0", "--api-tokens", apiTokens.toString()).redirectErrorStream(true).start();
                StringBuilder serveOut = new StringBuilder();
                BufferedReader fromServe = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                String started = line(fromServe, serveOut, l -> l.startsWith("Maintenance Console on "));
                assertThat(started).contains("API tokens: flask-host").doesNotContain(CONSOLE_TOKEN);
                URI uri = URI.create(started.substring(started.indexOf("http://")).split(" ")[0]).resolve("/");
                drain(fromServe, serveOut);

                try (OutputStream toPython = python.getOutputStream()) {
                    toPython.write((uri.toString() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                CompletableFuture<Void> rest = drain(fromPython, pythonOut);
                assertThat(python.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("the recipe ended: " + pythonOut).isTrue();
                rest.get(BOUND_SECONDS, TimeUnit.SECONDS);
                assertThat(python.exitValue()).as("the recipe's checks:\n" + pythonOut + "\nserve:\n" + serveOut).isZero();
            } finally {
                python.destroy();
                if (serve != null) {
                    serve.destroy();
                    serve.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
                }
            }
            String out = pythonOut.toString();
            assertThat(out).contains("ok: a POST without a token is refused with 403", "ok: a wrong token is refused with 401",
                    "ok: the refused POSTs ran nothing", "ok: the apply's report names the token",
                    "ok: the marker says generation 1 of the file the POST named", "RECIPE PASSED");

            // What the recipe did, as the files on disk say: both reports name the token, the marker is the apply's.
            Matcher ids = Pattern.compile("RECIPE PASSED (\\{.*})").matcher(out);
            assertThat(ids.find()).isTrue();
            JsonNode run = ReportJson.mapper().readTree(ids.group(1));
            for (String id : List.of(run.get("preview").asText(), run.get("apply").asText())) {
                JsonNode report = ReportJson.mapper().readTree(ws.reportsDir().resolve(id + ".json").toFile());
                assertThat(report.get("detail").get("trigger").asText()).isEqualTo("api:flask-host");
            }
            JsonNode marker = ReportJson.mapper().readTree(ws.dataDir().resolve(".generation").resolve("sti.json").toFile());
            assertThat(marker.get("report_id").asText()).isEqualTo(run.get("apply").asText());
            assertThat(Files.readString(ws.dataFile("sti_constituents.csv"))).isNotEqualTo(
                    new String(Fixtures.previousConstituents("sti_constituents.csv"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void serveRefusesAnApiTokensFileOthersMayReadOrAMalformedOne() throws Exception {
        try (TempWorkspace ws = TempWorkspace.create()) {
            Path tokens = ws.root().resolve("console-api-tokens");
            Files.writeString(tokens, "flask-host " + CONSOLE_TOKEN + "\n");
            Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r-----"));
            CliRun readable = CliRun.in(ws, "serve", "--port", "0", "--api-tokens", tokens.toString());
            assertThat(readable.exitCode()).isEqualTo(2);
            assertThat(readable.err()).contains(tokens.toString(), "chmod 600").doesNotContain(CONSOLE_TOKEN);
            secret(tokens, "flask-host short\n");
            CliRun malformed = CliRun.in(ws, "serve", "--port", "0", "--api-tokens", tokens.toString());
            assertThat(malformed.exitCode()).isEqualTo(2);
            assertThat(malformed.err()).contains("line 1", "at least 16 characters");
        }
    }

    /** The trigger a report records: a malformed api label is refused, as any unknown trigger is. */
    @Test
    void theApiTriggerCarriesALabel() {
        var request = com.twsrobot.maintenance.api.RunRequest.dryRun("sti_constituents");
        var trigger = com.twsrobot.maintenance.api.Trigger.parse("api:flask-host");
        assertThat(request.withTrigger(trigger).trigger().wireName()).isEqualTo("api:flask-host");
        assertThat(trigger).isEqualTo(com.twsrobot.maintenance.api.Trigger.apiToken("flask-host"));
        for (String bad : List.of("api:", "api:has space", "api:../x", "robot")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.twsrobot.maintenance.api.Trigger.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be")
                    .hasMessageContaining("'" + bad.substring(bad.startsWith("api:") ? 4 : 0) + "'");
        }
    }

    private static Path secret(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The first line matching, read within the bound; every line read is kept in {@code log}. */
    private static String line(BufferedReader in, StringBuilder log, Predicate<String> wanted) throws Exception {
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    synchronized (log) {
                        log.append(l).append('\n');
                    }
                    if (wanted.test(l)) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, READERS);
        String l = found.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(l).as("the expected line; the process said:\n" + log).isNotNull();
        return l;
    }

    /** Keeps reading the rest into {@code log} (so the process never blocks on a full pipe). */
    private static CompletableFuture<Void> drain(BufferedReader in, StringBuilder log) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    synchronized (log) {
                        log.append(l).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, READERS);
    }
}
