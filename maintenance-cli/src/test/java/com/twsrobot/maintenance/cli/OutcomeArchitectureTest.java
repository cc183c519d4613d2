package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.PluginDetail;
import com.twsrobot.maintenance.api.TaskResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes are types (issue 22): the front ends read typed details and decide from codes, the API's
 * only untyped map is the plug-in extension.
 */
class OutcomeArchitectureTest {

    /** The front ends that show a task's detail: the CLI summary and exit codes, the Markdown writer, the console. */
    private static final Map<String, List<String>> FRONT_ENDS = Map.of(
            "maintenance-cli", List.of("ReportText.java", "MaintenanceCli.java"),
            "maintenance-core", List.of("ReportMarkdown.java", "ChangeView.java"),
            "maintenance-console", List.of("ConsoleCharts.java"));

    @Test
    void theFrontEndsReadTypedDetailsNeverAMapLookupAnInstanceofOrACastOnADetailValue() throws IOException {
        List<String> violations = new ArrayList<>();
        int read = 0;
        for (Map.Entry<String, List<String>> module : FRONT_ENDS.entrySet()) {
            for (Path file : ArchitectureTest.javaFiles(module.getKey())) {
                if (!module.getValue().contains(file.getFileName().toString())) {
                    continue;
                }
                read++;
                String text = Files.readString(file);
                // One statement at a time: an instanceof or a cast to a map or list next to a detail read.
                for (String statement : text.split("[;{}]")) {
                    boolean detail = statement.contains("detail()") || statement.contains(".detail.");
                    if (detail && (statement.contains("instanceof")
                            || Pattern.compile("\\((java\\.util\\.)?(Map|List)<\\?").matcher(statement).find())) {
                        violations.add(file.getFileName() + ": " + statement.strip().replaceAll("\\s+", " "));
                    }
                    if (Pattern.compile("\\.detail\\(\\)\\.(get|getOrDefault|containsKey)\\(").matcher(statement).find()) {
                        violations.add(file.getFileName() + " reads a task's or run's detail as a map: "
                                + statement.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(read).as("front-end files found").isEqualTo(5);
        assertThat(violations).isEmpty();
    }

    /**
     * Public API signatures that still carry a {@code Map<String, Object>} besides the plug-in extension
     * ({@link PluginDetail}). A task's result is typed ({@code TaskResult.detail()} is a
     * {@link com.twsrobot.maintenance.api.TaskDetail}), and so is a run's ({@code RunReport.detail()} is a
     * {@link com.twsrobot.maintenance.api.RunDetail}, whose facts no component names are kept in a
     * {@link PluginDetail}). What remains is not ours to type: a market event's {@code detail_json}, the
     * host's event table's own format (a contract: its keys are whatever the host's schema holds).
     * The list may only shrink: a new signature with an untyped map fails here.
     */
    private static final Set<String> NOT_YET_TYPED = Set.of("MarketEvent.detail()", "MarketEvent.<init>");

    @Test
    void aTaskResultsDetailIsTyped() throws Exception {
        assertThat(TaskResult.class.getMethod("detail").getReturnType())
                .isEqualTo(com.twsrobot.maintenance.api.TaskDetail.class);
        assertThat(TaskResult.Builder.class.getMethod("detail", com.twsrobot.maintenance.api.TaskDetail.class))
                .isNotNull();
        assertThat(com.twsrobot.maintenance.api.RunReport.class.getMethod("detail").getReturnType())
                .isEqualTo(com.twsrobot.maintenance.api.RunDetail.class);
    }

    @Test
    void noPublicApiSignatureHasAnUntypedMapButThePluginExtension() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> type : apiClasses()) {
            if (!Modifier.isPublic(type.getModifiers()) || type == PluginDetail.class) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()
                        && (untyped(m.getGenericReturnType()) || Stream.of(m.getGenericParameterTypes()).anyMatch(this::untyped))) {
                    found.add(name(type) + "." + m.getName() + "()");
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && Stream.of(c.getGenericParameterTypes()).anyMatch(this::untyped)) {
                    found.add(name(type) + ".<init>");
                }
            }
        }
        assertThat(found).as("public API signatures with a Map<String, Object>").isSubsetOf(NOT_YET_TYPED);
        // The extension is the one place where it belongs.
        assertThat(untyped(PluginDetail.class.getRecordComponents()[0].getGenericType())).isTrue();
    }

    @Test
    void theDashboardDecidesFromCodesNeverFromARegularExpressionOverMessageText() throws IOException {
        String js = Files.readString(Path.of("..", "maintenance-console", "src", "main", "resources", "com", "twsrobot",
                "maintenance", "console", "app.js"));
        List<String> regexes = new ArrayList<>();
        // A pattern is applied by test/match/search, or given as a literal to replace or split.
        var m = Pattern.compile("\\.(test|match|matchAll|search)\\(|\\.(replace|replaceAll)\\(\\s*/|new RegExp").matcher(js);
        while (m.find()) {
            regexes.add(js.substring(Math.max(0, m.start() - 40), Math.min(js.length(), m.end() + 20)));
        }
        assertThat(regexes).as("regular expressions in app.js").isEmpty();
        // The one split by a pattern is of what the operator typed (symbols), not of a message.
        var split = Pattern.compile("(\\w+(\\.\\w+)*)\\.split\\(/").matcher(js);
        while (split.find()) {
            assertThat(split.group(1)).isEqualTo("symbols.value");
        }
        assertThat(js).contains("(r.detail || {}).notices", "n.code === 'count_change'", "n.code === 'source_failed'");
    }

    private boolean untyped(Type type) {
        if (type instanceof ParameterizedType p) {
            if (p.getRawType() == Map.class && p.getActualTypeArguments()[1] == Object.class) {
                return true;
            }
            return Stream.of(p.getActualTypeArguments()).anyMatch(this::untyped);
        }
        if (type instanceof WildcardType w) {
            return Stream.of(w.getUpperBounds()).anyMatch(this::untyped);
        }
        return false;
    }

    private static String name(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1);
    }

    /** Every class of maintenance-api, nested ones included, read from its jar or classes directory. */
    private static List<Class<?>> apiClasses() throws Exception {
        URI location = TaskResult.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(f).toString().replace('/', '.').replace(".class", "");
                    if (!name.endsWith("package-info")) {
                        out.add(Class.forName(name));
                    }
                }
            }
        } else {
            try (var jar = new java.util.jar.JarFile(root.toFile())) {
                for (var e : java.util.Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (name.endsWith(".class") && !name.contains("package-info") && !name.startsWith("META-INF")) {
                        out.add(Class.forName(name.replace('/', '.').replace(".class", "")));
                    }
                }
            }
        }
        assertThat(out).as("api classes").hasSizeGreaterThan(50);
        return out;
    }
}
