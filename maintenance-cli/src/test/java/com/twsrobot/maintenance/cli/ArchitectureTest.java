package com.twsrobot.maintenance.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module imports only from what its pom declares: the api from the JDK alone, sources never
 * from core, the libraries never from the CLI, and univocity only behind CsvCodec.
 */
class ArchitectureTest {

    private static final String BASE = "com.twsrobot.maintenance.";
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "maintenance-api", List.of("java.", BASE + "api."),
            "maintenance-core", List.of("java.", BASE + "api.", BASE + "core.", "com.fasterxml.jackson.",
                    "com.univocity.parsers.", "org.slf4j."),
            "maintenance-sources", List.of("java.", "javax.net.ssl.", BASE + "api.", BASE + "sources.", "org.jsoup.", "org.slf4j.",
                    "com.univocity.parsers.", "org.dhatim.fastexcel.reader.",
                    "com.fasterxml.jackson."),
            "maintenance-testkit", List.of("java.", BASE + "api.", BASE + "testkit.", "com.sun.net.httpserver.",
                    "org.junit.jupiter.api."),
            "maintenance-cli", List.of("java.", BASE + "api.", BASE + "core.", BASE + "console.", BASE + "cli.",
                    "picocli.", "com.fasterxml.jackson.", "com.sun.net.httpserver."),
            "maintenance-console", List.of("java.", BASE + "api.", BASE + "core.", BASE + "console.",
                    "com.fasterxml.jackson.", "com.sun.net.httpserver.", "org.slf4j.", "io.micrometer.", "jakarta.servlet.",
                    "javax.crypto."), // the JDK's HMAC signs the console's session cookies
            "examples", List.of("java.", BASE + "api.", BASE + "core.", BASE + "examples."));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void modulesImportOnlyTheirDeclaredDependencies() throws IOException {
        List<String> violations = new ArrayList<>();
        for (var module : ALLOWED.entrySet()) {
            for (Path file : javaFiles(module.getKey())) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    if (module.getValue().stream().noneMatch(imported::startsWith)) {
                        violations.add(module.getKey() + ": " + file.getFileName() + " imports " + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void univocityIsUsedOnlyWhereCsvIsRead() throws IOException {
        List<String> users = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            for (Path file : javaFiles(module)) {
                if (Files.readString(file).contains("com.univocity")) {
                    users.add(file.getFileName().toString());
                }
            }
        }
        // Our constituent files (core), and a fund's holdings download (sources): nowhere else parses CSV.
        assertThat(users).containsExactlyInAnyOrder("CsvCodec.java", "HoldingsFiles.java");
    }

    @Test
    void libraryModulesLogThroughSlf4jApiOnly() throws IOException {
        for (String module : List.of("maintenance-api", "maintenance-core", "maintenance-sources", "maintenance-console")) {
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            assertThat(pom).as(module).doesNotContain("slf4j-simple").doesNotContain("logback");
        }
    }

    @Test
    void libraryModulesReadNoJvmPropertiesAndCoreNeverAsksATaskItsClass() throws IOException {
        // A runner is configured through its builder, so two runners in one JVM can differ; the CLI maps its
        // options (and old -D properties) onto the builder.
        Pattern property = Pattern.compile("System\\.getProperty\\(|Integer\\.getInteger\\(|Long\\.getLong\\(|Boolean\\.getBoolean\\(");
        Pattern taskClass = Pattern.compile("instanceof\\s+\\w*Task\\b");
        List<String> violations = new ArrayList<>();
        for (String module : List.of("maintenance-api", "maintenance-core", "maintenance-sources", "maintenance-console",
                "maintenance-testkit")) {
            for (Path file : javaFiles(module)) {
                String text = Files.readString(file);
                if (property.matcher(text).find()) {
                    violations.add(module + ": " + file.getFileName() + " reads a JVM property");
                }
                if (module.equals("maintenance-core") && taskClass.matcher(text).find()) {
                    violations.add(module + ": " + file.getFileName() + " asks a task its class (declare a capability)");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theRunnerKeepsOrchestrationOnly() throws IOException {
        // Building is MaintenanceRunnerBuilder, discovery PluginCatalog, carrying out a run RunExecution.
        Path runner = Path.of("..", "maintenance-core", "src", "main", "java", "com", "twsrobot", "maintenance", "core",
                "MaintenanceRunner.java");
        assertThat(Files.readAllLines(runner)).as("lines of MaintenanceRunner.java").hasSizeLessThanOrEqualTo(320);
    }

    @Test
    void theRunnersPublicMethodsReturnOnlyApiAndJdkTypes() {
        // builder() is the way in; everything a runner answers is a maintenance-api (or JDK) type.
        List<String> leaks = new ArrayList<>();
        for (java.lang.reflect.Method m : com.twsrobot.maintenance.core.MaintenanceRunner.class.getMethods()) {
            String returned = m.getGenericReturnType().getTypeName();
            if (!m.getName().equals("builder") && returned.matches(".*com\\.twsrobot\\.maintenance\\.(?!api\\.).*")) {
                leaks.add(m.getName() + " returns " + returned);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noHttpClientIsSharedThroughAStaticField() throws IOException {
        // Each runner's plug-ins build their own clients, so two runners in one JVM never share one.
        Pattern sharedClient = Pattern.compile("static\\s+(final\\s+)?(PageFetcher|HttpClient)\\s+\\w+\\s*[=;]");
        List<String> violations = new ArrayList<>();
        for (String module : List.of("maintenance-core", "maintenance-sources", "maintenance-console")) {
            for (Path file : javaFiles(module)) {
                if (sharedClient.matcher(Files.readString(file)).find()) {
                    violations.add(module + ": " + file.getFileName());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Only an index's own plug-in names its key or task: everything else asks the runner. The built-in
     * indices are the ones the sources module's plug-ins bring; a plug-in's own files are those of its
     * classes (the index, its source, its second sources) and those named like it ({@code Sp500*}).
     * Tests and the README are excepted, and so is the benchmark harness, which measures the built-in
     * pages by name as tests do.
     */
    @Test
    void onlyAnIndexsOwnPluginNamesItsKeyOrTask() throws IOException {
        List<com.twsrobot.maintenance.api.ConstituentIndex> plugins = com.twsrobot.maintenance.api.ServiceProviders.load(
                com.twsrobot.maintenance.api.ConstituentIndex.class, getClass().getClassLoader(), problem -> { });
        List<com.twsrobot.maintenance.api.MembershipSource> secondSources = com.twsrobot.maintenance.api.ServiceProviders
                .load(com.twsrobot.maintenance.api.MembershipSource.class, getClass().getClassLoader(), problem -> { });
        assertThat(plugins).extracting(p -> p.spec().index()).as("the built-in index plug-ins").hasSize(3);
        List<Path> scanned = new ArrayList<>();
        for (String module : List.of("maintenance-api", "maintenance-core", "maintenance-sources", "maintenance-testkit",
                "maintenance-cli", "maintenance-console", "examples")) {
            scanned.addAll(javaFiles(module));
        }
        try (Stream<Path> assets = Files.walk(Path.of("..", "maintenance-console", "src", "main", "resources"))) {
            scanned.addAll(assets.filter(p -> p.toString().matches(".*\\.(js|html|css)$")).toList());
        }
        List<String> violations = new ArrayList<>();
        for (var plugin : plugins) {
            String key = plugin.spec().index();
            List<String> own = new ArrayList<>(List.of(fileOf(plugin.getClass()), fileOf(plugin.source().getClass())));
            secondSources.stream().filter(m -> m.index().equals(key)).forEach(m -> own.add(fileOf(m.getClass())));
            String stem = plugin.getClass().getSimpleName().replaceFirst("Index$", "");
            Pattern named = Pattern.compile("(?<![A-Za-z0-9])(" + Pattern.quote(key) + "|"
                    + Pattern.quote(plugin.spec().taskName()) + ")(?![A-Za-z0-9])");
            int ownHits = 0;
            for (Path file : scanned) {
                String name = file.getFileName().toString();
                boolean isOwn = own.contains(name) || name.startsWith(stem);
                Matcher m = named.matcher(Files.readString(file));
                if (m.find()) {
                    if (isOwn) {
                        ownHits++;
                    } else {
                        violations.add(file + " names '" + m.group(1) + "'");
                    }
                }
            }
            assertThat(ownHits).as("the check finds '" + key + "' in its own plug-in (so it can find it elsewhere)")
                    .isPositive();
        }
        assertThat(violations).isEmpty();
    }

    /** The source file a class is declared in (a nested class in its outer class's). */
    private static String fileOf(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer.getSimpleName() + ".java";
    }

    /**
     * Surefire writes one XML report per test class; when jqwik and JUnit Jupiter both run tests of one
     * class, the second engine's report overwrites the first's and the counts read from the XML fall short.
     */
    @Test
    void noTestClassMixesJqwikPropertiesWithJupiterTests() throws IOException {
        List<String> mixed = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            Path root = Path.of("..", module, "src", "test", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (Pattern.compile("^import net\\.jqwik\\.api\\.Property;", Pattern.MULTILINE).matcher(text).find()
                            && Pattern.compile("^import org\\.junit\\.jupiter\\.(api\\.(Test|RepeatedTest|TestFactory)|params\\.ParameterizedTest);",
                            Pattern.MULTILINE).matcher(text).find()) {
                        mixed.add(root.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(mixed).as("test classes with both jqwik @Property and Jupiter tests (move the properties "
                + "to a *PropertiesTest class of their own)").isEmpty();
    }

    static List<Path> javaFiles(String module) throws IOException {
        Path root = Path.of("..", module, "src", "main", "java");
        assertThat(root).as("sources of " + module).isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
