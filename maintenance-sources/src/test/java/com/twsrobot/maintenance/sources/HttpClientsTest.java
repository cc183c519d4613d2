package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.testkit.FixtureServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** closeAll closes the tracked clients where the JDK can (21+), so a CLI process exits without the JVM's wait. */
class HttpClientsTest {

    @Test
    void closeAllClosesTrackedClientsOnJdk21AndLaterAndLeavesThemWorkingOn17() throws Exception {
        try (FixtureServer server = FixtureServer.start().page("/p", "<p>ok</p>")) {
            HttpClient client = HttpClients.track(HttpClient.newHttpClient());
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/p"))).build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            HttpClients.closeAll();
            HttpClients.closeAll(); // a second call finds nothing left to close

            if (Runtime.version().feature() >= 21) {
                assertThat(client).isInstanceOf(AutoCloseable.class);
                assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
            } else {
                // JDK 17's client cannot be closed: it keeps working, and the exit wait stays (docs/benchmarks.md).
                assertThat(client).isNotInstanceOf(AutoCloseable.class);
                assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
        }
    }
}
