package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.core.MaintenanceConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration belongs to the components that read it: the config file reader knows no key of its own,
 * every declaration is found (the library's listed, the plug-ins' registered for the ServiceLoader), and
 * no parser throws an exception to reach its own catch.
 */
class ConfigArchitectureTest {

    private static final List<String> LIBRARY = List.of("maintenance-api", "maintenance-core", "maintenance-sources",
            "maintenance-console", "maintenance-cli");
    private static final Pattern DECLARATION = Pattern.compile(
            "^public final class (\\w+) (extends DeclaredConfigKeys|implements ConfigKeys)", Pattern.MULTILINE);

    @Test
    void theConfigReaderNamesNoKeyOfItsOwn() throws Exception {
        List<String> named = new ArrayList<>();
        for (String file : List.of("maintenance-core/src/main/java/com/twsrobot/maintenance/core/MaintenanceConfig.java",
                "maintenance-core/src/main/java/com/twsrobot/maintenance/core/config/ConfigFileReader.java",
                "maintenance-core/src/main/java/com/twsrobot/maintenance/core/config/ConfigValues.java",
                "maintenance-core/src/main/java/com/twsrobot/maintenance/core/config/DeclaredKeys.java")) {
            String text = Files.readString(Path.of("..").resolve(file));
            for (ConfigKey key : MaintenanceConfig.declaredKeys(getClass().getClassLoader()).all()) {
                if (text.contains("\"" + key.name() + "\"") || text.contains("\"" + key.prefix() + "\"")) {
                    named.add(file + " names " + key.name());
                }
            }
        }
        assertThat(named).as("keys read by name instead of through their declaration").isEmpty();
    }

    @Test
    void everyDeclarationIsFound() throws Exception {
        List<String> declared = new ArrayList<>();
        for (String module : LIBRARY) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                Matcher m = DECLARATION.matcher(Files.readString(file));
                if (m.find()) {
                    declared.add(m.group(1));
                }
            }
        }
        List<String> found = MaintenanceConfig.declaredKeys(getClass().getClassLoader()).components().stream()
                .map(ConfigKeys::getClass).map(Class::getSimpleName).toList();
        assertThat(declared).hasSizeGreaterThanOrEqualTo(9);
        assertThat(found).containsAll(declared);
    }

    @Test
    void noLibraryCodeThrowsNumberFormatException() throws Exception {
        List<String> throwing = new ArrayList<>();
        for (String module : LIBRARY) {
            for (Path file : ArchitectureTest.javaFiles(module)) {
                if (Files.readString(file).contains("throw new NumberFormatException")) {
                    throwing.add(file.toString());
                }
            }
        }
        assertThat(throwing).as("a parser that throws to reach its own catch (test the text instead)").isEmpty();
    }
}
