package com.twsrobot.maintenance.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HTTP stack, one clock, one way to name a cause: only {@code HttpStack} builds (or even names) an
 * {@code HttpClient}, so every request goes through its timeouts, retries, deadline, cap, User-Agent and
 * proxy; library code reads time from the runner's clock; and no message is built by gluing an
 * exception or a class name into it (the cause formatter says what happened in words).
 */
class HttpArchitectureTest {

    private static final List<String> ALL_MODULES = List.of("maintenance-api", "maintenance-core", "maintenance-sources",
            "maintenance-testkit", "maintenance-cli", "maintenance-console", "examples", "benchmarks");
    private static final List<String> LIBRARY_MODULES = List.of("maintenance-api", "maintenance-core",
            "maintenance-sources", "maintenance-testkit");
    private static final List<String> MESSAGE_MODULES = List.of("maintenance-core", "maintenance-sources",
            "maintenance-cli", "maintenance-console");

    @Test
    void exactlyOneClassBuildsAnHttpClient() throws IOException {
        Pattern builds = Pattern.compile("HttpClient\\s*\\.\\s*(newBuilder|newHttpClient)\\s*\\(");
        List<String> builders = new ArrayList<>();
        for (String module : ALL_MODULES) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                if (builds.matcher(Files.readString(file)).find()) {
                    builders.add(module + ": " + file.getFileName());
                }
            }
        }
        assertThat(builders).containsExactly("maintenance-api: HttpStack.java");
    }

    /** Naming the JDK client anywhere else would mean a request that skips the stack. */
    @Test
    void everyRequestGoesThroughTheStack() throws IOException {
        Pattern client = Pattern.compile("\\bHttpClient\\b");
        List<String> users = new ArrayList<>();
        for (String module : ALL_MODULES) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                if (!file.getFileName().toString().equals("HttpStack.java")
                        && client.matcher(withoutComments(Files.readString(file))).find()) {
                    users.add(module + ": " + file.getFileName());
                }
            }
        }
        assertThat(users).isEmpty();
    }

    @Test
    void libraryCodeReadsTimeFromTheRunnersClock() throws IOException {
        Pattern systemTime = Pattern.compile(
                "\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)\\s*\\.\\s*now\\s*\\(\\s*\\)"
                        + "|System\\s*\\.\\s*currentTimeMillis\\s*\\(");
        List<String> violations = new ArrayList<>();
        for (String module : LIBRARY_MODULES) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                Matcher m = systemTime.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    violations.add(module + ": " + file.getFileName() + " uses " + m.group());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Inside a {@code catch (… e)} block, no statement other than an error log (an unexpected failure,
     * whose type helps) or a debug log (shown to no operator) glues {@code e} itself into text ({@code + e}, {@code e.toString()},
     * {@code String.valueOf(e)}, which print the class name): a warning log reaches the operator's
     * terminal through the CLI like any message,
     * and no message anywhere names a class with {@code getClass().getName()}. The registry's warning about
     * two plug-ins claiming one task name is the exception: there the class is what the operator must find.
     */
    @Test
    void noMessageIsBuiltFromAnExceptionsOrAClasssName() throws IOException {
        Set<String> namesPlugInClasses = Set.of("TaskRegistry.java");
        Pattern catchClause = Pattern.compile("catch\\s*\\(\\s*(?:final\\s+)?[\\w.|\\s]+?\\s(\\w+)\\s*\\)\\s*\\{");
        Pattern className = Pattern.compile("getClass\\(\\)\\s*\\.\\s*get(Simple)?Name\\(\\)");
        List<String> violations = new ArrayList<>();
        for (String module : MESSAGE_MODULES) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                String text = withoutComments(Files.readString(file));
                String name = file.getFileName().toString();
                if (!namesPlugInClasses.contains(name) && className.matcher(text).find()) {
                    violations.add(module + ": " + name + " names a class in text");
                }
                Matcher c = catchClause.matcher(text);
                while (c.find()) {
                    String variable = Pattern.quote(c.group(1));
                    Pattern glued = Pattern.compile("\\+\\s*" + variable + "\\s*[;),+]|\\b" + variable
                            + "\\.toString\\(\\)|String\\.valueOf\\(\\s*" + variable + "\\s*\\)|\\+\\s*" + variable
                            + "\\.getCause\\(\\)\\s*[;),+]|String\\.valueOf\\(\\s*" + variable + "\\.getCause\\(\\)");
                    // String literals emptied first: a ';' inside one does not end a statement.
                    String code = block(text, c.end()).replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
                    for (String statement : code.split(";")) {
                        boolean unseenOrUnexpected = statement.matches("(?s).*LOG\\.(error|debug|trace)\\(.*");
                        if (!unseenOrUnexpected && glued.matcher(statement + ";").find()) {
                            violations.add(module + ": " + name + ": " + statement.strip());
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The text of the block that starts right after an opening brace at {@code start}. */
    private static String block(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }
}
