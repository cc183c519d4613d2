package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Status checks each file once per version of it, and sees every new version. */
class FileCheckCacheTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private IndexStatus hsi(MaintenanceRunner runner) {
        return runner.status().indexes().stream().filter(i -> i.index().equals("hsi")).findFirst().orElseThrow();
    }

    @Test
    void aChangedFileIsCheckedAgainAndAnUnchangedOneIsNot() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .progressListener(m -> { }).build();
        IndexStatus first = hsi(runner);
        assertThat(first.validation().status()).isNotEqualTo(ValidationStatus.FAILED);
        assertThat(hsi(runner).validation()).isSameAs(first.validation()); // the same version: not read again

        // Replaced as an editor or an older tool would (in place), and as our writer does (a new file).
        byte[] original = Files.readAllBytes(ws.dataFile("hsi_constituents.csv"));
        String header = new String(original, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        ws.writeData("hsi_constituents.csv", (header + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(hsi(runner).validation().status()).isEqualTo(ValidationStatus.FAILED);
        assertThat(hsi(runner).rowCount()).contains(0);

        java.nio.file.Path fresh = ws.dataDir().resolve("fresh.tmp");
        Files.write(fresh, original);
        Files.move(fresh, ws.dataFile("hsi_constituents.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertThat(hsi(runner).validation().status()).isEqualTo(first.validation().status());
        assertThat(hsi(runner).rowCount()).isEqualTo(first.rowCount());

        Files.delete(ws.dataFile("hsi_constituents.csv"));
        assertThat(hsi(runner).lastModified()).isEmpty();
    }
}
