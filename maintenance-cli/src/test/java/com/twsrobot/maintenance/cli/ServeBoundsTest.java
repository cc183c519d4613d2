package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `serve` as an operator starts it: a client that stops sending half-way is cut off at the read bound. */
class ServeBoundsTest {

    @Test
    void aRequestWhoseHeadersStallIsClosedAfterTheTenSecondReadBound() throws Exception {
        try (TempWorkspace ws = TempWorkspace.create()) {
            Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(), "--data-dir",
                    ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(), "serve", "--port", "0").start();
            try {
                BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
                String line;
                URI uri = null;
                while ((line = err.readLine()) != null) {
                    int at = line.indexOf("http://");
                    if (line.startsWith("Maintenance Console on ") && at >= 0) {
                        uri = URI.create(line.substring(at).split(" ")[0]);
                        break;
                    }
                }
                assertThat(uri).as("serve printed its address").isNotNull();
                // Timed from before the connection: the server's bound starts after it, so a busy machine
                // holding this thread between the connect and the read cannot make the close look early.
                long start = System.nanoTime();
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/maintenance/status HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nX-Half: ").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    // 5x headroom over the 10 s bound for a busy machine; the read fails rather than hangs past it.
                    socket.setSoTimeout(60_000);
                    int read;
                    try {
                        read = socket.getInputStream().read();
                    } catch (java.net.SocketException reset) {
                        read = -1;
                    }
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                    assertThat(read).as("the server closed the stalled connection").isEqualTo(-1);
                    // Not before the bound (a load only delays); after it within 5x headroom (50 s), never a hang.
                    assertThat(seconds).as("closed at the bound, not before it").isBetween(8L, 50L);
                }
            } finally {
                serve.destroy();
                serve.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
