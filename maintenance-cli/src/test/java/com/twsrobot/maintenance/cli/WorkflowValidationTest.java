package com.twsrobot.maintenance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workflow in .github/workflows passes the workflow schema, checked by @action-validator/cli 0.6.0
 * (pinned in tools/action-validator; installed with {@code npm ci --prefix tools/action-validator}, which
 * .ci/run does and this test does too when it is missing and npm is there).
 */
class WorkflowValidationTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path TOOL = ROOT.resolve("tools").resolve("action-validator");
    private static final Path VALIDATOR = TOOL.resolve("node_modules").resolve(".bin").resolve("action-validator");

    private record Ran(int exitCode, String output) {
    }

    private static Ran run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return new Ran(p.exitValue(), out);
    }

    private static Path validator() throws Exception {
        if (!Files.isExecutable(VALIDATOR)) {
            Ran install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", TOOL.toString()));
            assertThat(install.exitCode()).as("npm ci --prefix tools/action-validator: %s", install.output()).isZero();
        }
        assertThat(VALIDATOR).as("the workflow validator; install it with: npm ci --prefix tools/action-validator")
                .isExecutable();
        return VALIDATOR;
    }

    @Test
    void everyWorkflowPassesTheSchemaAndABrokenOneDoesNot(@TempDir Path dir) throws Exception {
        Path validator = validator();
        List<Path> workflows;
        try (Stream<Path> files = Files.list(ROOT.resolve(".github").resolve("workflows"))) {
            workflows = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(workflows).extracting(f -> f.getFileName().toString()).contains("maintenance-dry-run.yml");
        for (Path workflow : workflows) {
            Ran checked = run(List.of(validator.toString(), workflow.toString()));
            assertThat(checked.exitCode()).as("%s: %s", workflow, checked.output()).isZero();
        }

        // The control: the same workflow with a misspelt key and a bad trigger fails the check.
        String workflow = Files.readString(ROOT.resolve(".github/workflows/maintenance-dry-run.yml"));
        assertThat(workflow).contains("workflow_dispatch:", "upload-artifact", "reports/maintenance/", "# schedule:");
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, workflow.replace("runs-on:", "runs-onn:"));
        Ran failed = run(List.of(validator.toString(), broken.toString()));
        assertThat(failed.exitCode()).as(failed.output()).isNotZero();
        assertThat(failed.output()).contains("runs-onn");
    }
}
