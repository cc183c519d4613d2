package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Trigger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22, item 1: a run's mode and trigger are types, and a request is made only by its builder. */
class ModesArchitectureTest {

    private static final List<String> MODULES = List.of("maintenance-api", "maintenance-core", "maintenance-sources",
            "maintenance-testkit", "maintenance-console", "maintenance-cli", "examples");
    /** A string literal spelling a mode's report label, which only RunMode writes and reads. */
    private static final Pattern MODE_LITERAL = Pattern.compile("\"[^\"\\n]*(ROLLBACK to backup|APPLY of plan)[^\"\\n]*\"");

    @Test
    void aRequestIsBuiltOnlyByItsBuilder() {
        assertThat(RunRequest.class.getConstructors()).isEmpty();
        assertThat(Modifier.isFinal(RunRequest.class.getModifiers())).isTrue();
        assertThat(RunRequest.class.isRecord()).isFalse();
        assertThat(RunMode.class.isSealed()).isTrue();
        assertThat(Trigger.class.isSealed()).isTrue();
    }

    @Test
    void onlyRunModeSpellsAModesReportLabel() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!file.getFileName().toString().equals("RunMode.java")
                            && MODE_LITERAL.matcher(Files.readString(file)).find()) {
                        found.add(module + ": " + file.getFileName());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
