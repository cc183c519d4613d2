package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README shows what the build compiles and runs: the embedding snippet and the Maven coordinates. */
class ReadmeEmbeddingTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path SNIPPET = Path.of("src", "main", "java", "com", "twsrobot", "maintenance", "examples",
            "ReadmeEmbedding.java");

    /** The fenced block of the given language whose first line is {@code firstLine}. */
    private static String block(String language, String firstLine) throws Exception {
        Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(Files.readString(ROOT.resolve("README.md")));
        while (m.find()) {
            if (m.group(1).startsWith(firstLine + "\n")) {
                return m.group(1).substring(firstLine.length() + 1);
            }
        }
        throw new AssertionError("README.md has no ```" + language + " block starting with " + firstLine);
    }

    @Test
    void theReadmesEmbeddingSnippetIsTheCompiledExample() throws Exception {
        String source = Files.readString(SNIPPET);
        String withoutPackage = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).stripLeading();
        assertThat(block("java", "// examples/" + SNIPPET.toString().replace('\\', '/'))).isEqualTo(withoutPackage);
    }

    @Test
    void theSnippetPreviewsThenAppliesAndTheScreenerReloads() throws Exception {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(false);
             FixtureServer pages = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"))) {
            ScreenerCache.load("sti", Set.of("D05.SI"));
            MaintenanceRunner runner = ReadmeEmbedding.runner(ws.dataDir(), ws.reportsDir());
            RunReport applied = ReadmeEmbedding.previewThenApply(runner, RunRequest.builder().task("sti_constituents")
                    .sourceUrl("sti", pages.url("/sti")).build());
            assertThat(applied.dryRun()).isFalse();
            assertThat(applied.status().isFailure()).as(applied.toString()).isFalse();
            assertThat(applied.detail().mode()).contains("plan");
            assertThat(new String(ws.readData("sti_constituents.csv"))).contains("5E2.SI,5E2,Seatrium Limited");
            assertThat(ScreenerCache.isLoaded("sti")).as("the invalidator evicted the screener's copy").isFalse();

            // A failed preview is returned as it is, and nothing is applied.
            RunReport failed = ReadmeEmbedding.previewThenApply(runner, RunRequest.builder().task("sti_constituents")
                    .sourceUrl("sti", pages.url("/missing")).build());
            assertThat(failed.dryRun()).isTrue();
            assertThat(failed.status().isFailure()).isTrue();
        }
    }

    @Test
    void theReadmesCoordinatesAreTheBuildsOwn() throws Exception {
        String bom = Files.readString(ROOT.resolve("maintenance-bom").resolve("pom.xml"));
        String version = first(bom, "<artifactId>maintenance-bom</artifactId>\\s*<version>([^<]+)</version>");
        String group = first(bom, "<groupId>([^<]+)</groupId>");
        String snippet = block("xml", "<!-- pom.xml: the BOM fixes one consistent version of every module -->");
        assertThat(snippet).contains("<groupId>" + group + "</groupId>", "<artifactId>maintenance-bom</artifactId>",
                "<version>" + version + "</version>", "<type>pom</type>", "<scope>import</scope>",
                "<artifactId>maintenance-core</artifactId>", "<artifactId>maintenance-sources</artifactId>");
        // Every artifact the snippet names is a module of this build.
        Matcher artifacts = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(snippet);
        while (artifacts.find()) {
            assertThat(ROOT.resolve(artifacts.group(1)).resolve("pom.xml")).as(artifacts.group(1)).isRegularFile();
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
