package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK server settings the console gives when the host gave none: answers without the Nagle delay
 * (bench/console.sh: ~40 ms on every keep-alive answer without it) and a bound on request reads; a
 * host's own setting stays. The JDK server reads them once per JVM, so this checks what the console
 * sets, not the socket.
 */
class JdkServerSettingsTest {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private final TempWorkspace ws = TempWorkspace.create();
    private final String before = System.getProperty(NO_DELAY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NO_DELAY);
        } else {
            System.setProperty(NO_DELAY, before);
        }
        ws.close();
    }

    private void startAndStop() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .progressListener(m -> { }).build();
        try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
            assertThat(console.port()).isPositive();
        }
    }

    @Test
    void turnsTheNagleDelayOffAndBoundsRequestReadsUnlessTheHostSetThem() throws Exception {
        System.clearProperty(NO_DELAY);
        startAndStop();
        assertThat(System.getProperty(NO_DELAY)).isEqualTo("true");
        assertThat(System.getProperty("sun.net.httpserver.maxReqTime")).isNotBlank();

        System.setProperty(NO_DELAY, "false");
        startAndStop();
        assertThat(System.getProperty(NO_DELAY)).isEqualTo("false");
    }
}
