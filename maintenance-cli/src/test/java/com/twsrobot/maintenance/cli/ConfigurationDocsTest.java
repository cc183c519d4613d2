package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.core.MaintenanceConfig;
import com.twsrobot.maintenance.core.config.DeclaredKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * docs/configuration.md and the keys the components declare say the same: every declared key (the
 * library's and the plug-ins') has a row in a "config key" table showing its default, its range or its
 * allowed values, and every key such a row names is declared (a family's member counts for the family).
 */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of(System.getProperty("user.dir")).getParent().resolve("docs")
            .resolve("configuration.md");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final DeclaredKeys DECLARED = MaintenanceConfig.declaredKeys(ConfigurationDocsTest.class.getClassLoader());

    /** A row of a table whose first column is "config key": the keys it names and its cells. */
    record Row(List<String> keys, String keyCell, String defaultCell, String line) {
    }

    static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        int defaultColumn = -1;
        for (String line : Files.readAllLines(DOC)) {
            if (!line.startsWith("|")) {
                defaultColumn = -1;
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.lastIndexOf('|')).split("\\|", -1)).stream()
                    .map(String::strip).toList();
            if (cells.get(0).equals("config key")) {
                defaultColumn = cells.indexOf("default");
                continue;
            }
            if (defaultColumn < 0 || cells.get(0).startsWith("---")) {
                continue;
            }
            // The keys are the ticked names outside parentheses; "[.<index>]" names the key with and without it.
            String named = cells.get(0).replaceAll("\\([^)]*\\)", "");
            List<String> keys = new ArrayList<>();
            Matcher m = TICKED.matcher(named);
            while (m.find()) {
                String key = m.group(1);
                if (key.endsWith("[.<index>]")) {
                    String bare = key.substring(0, key.length() - "[.<index>]".length());
                    keys.add(bare);
                    keys.add(bare + ".<index>");
                } else {
                    keys.add(key);
                }
            }
            rows.add(new Row(keys, cells.get(0), cells.get(defaultColumn).replace("`", ""), line.replace("`", "")));
        }
        return rows;
    }

    private static Map<String, Row> rowsByKey() throws Exception {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : rows()) {
            row.keys().forEach(k -> byKey.putIfAbsent(k, row));
        }
        return byKey;
    }

    @Test
    void everyDeclaredKeyIsDocumentedWithItsDefaultAndRange() throws Exception {
        Map<String, Row> documented = rowsByKey();
        List<String> wrong = new ArrayList<>();
        for (ConfigKey key : DECLARED.all()) {
            Row row = documented.get(key.name());
            if (row == null) {
                wrong.add(key.name() + ": no row in a config key table");
                continue;
            }
            if (!row.defaultCell().contains(key.defaultValue())) {
                wrong.add(key.name() + ": the default column does not say '" + key.defaultValue() + "': " + row.defaultCell());
            }
            if (key.type() == ConfigKey.Type.WHOLE || key.type() == ConfigKey.Type.NUMBER) {
                String range = "(" + show(key.min()) + "–" + show(key.max());
                if (!row.keyCell().contains(range)) {
                    wrong.add(key.name() + ": the key column does not give the range " + range + ")");
                }
            }
            for (String value : key.allowed()) {
                if (!row.line().contains(value)) {
                    wrong.add(key.name() + ": the row does not name the value " + value);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDocumentedKeyIsDeclared() throws Exception {
        List<String> undeclared = rowsByKey().keySet().stream()
                .filter(k -> DECLARED.all().stream().noneMatch(d -> d.name().equals(k)) && DECLARED.find(k).isEmpty())
                .toList();
        assertThat(rowsByKey()).hasSizeGreaterThan(40);
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theReadmesExampleConfigFileLoads(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = Files.readString(DOC.getParent().getParent().resolve("README.md"));
        Matcher block = Pattern.compile("```properties\n(# maintenance\\.properties.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README's config file example").isTrue();
        Path file = dir.resolve("maintenance.properties");
        Files.writeString(file, block.group(1));
        MaintenanceConfig config = MaintenanceConfig.load(file);
        assertThat(config.values().text(com.twsrobot.maintenance.core.MarketEventsConfigKeys.EVENTS_SERVICE))
                .contains("host-http");
    }

    /**
     * A config example anywhere in the docs is a file the reader accepts (a comment is a line of its own), and
     * a runner with the CLI's plug-ins accepts its names (indices, source keys, tasks) too.
     */
    @Test
    void everyPropertiesExampleInTheDocsLoads(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path root = DOC.getParent().getParent();
        Pattern block = Pattern.compile("```properties\n(.*?)```", Pattern.DOTALL);
        int examples = 0;
        for (Path doc : List.of(root.resolve("README.md"), DOC, root.resolve("docs").resolve("operations.md"))) {
            Matcher m = block.matcher(Files.readString(doc));
            while (m.find()) {
                Path file = Files.writeString(dir.resolve("example" + ++examples + ".properties"), m.group(1));
                assertThatCode(() -> MaintenanceConfig.load(file)).as(doc.getFileName() + " example:\n" + m.group(1))
                        .doesNotThrowAnyException();
                assertThatCode(() -> com.twsrobot.maintenance.core.MaintenanceRunner.builder().config(file)
                        .dataDir(dir.resolve("data")).reportsDir(dir.resolve("reports")).build())
                        .as(doc.getFileName() + " example, for a runner:\n" + m.group(1)).doesNotThrowAnyException();
            }
        }
        assertThat(examples).as("config examples found").isGreaterThanOrEqualTo(4);
    }

    private static String show(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }
}
