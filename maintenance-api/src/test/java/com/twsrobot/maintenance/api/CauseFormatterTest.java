package com.twsrobot.maintenance.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Causes in an operator's words: what happened, to which host and URL, never a Java class name. */
class CauseFormatterTest {

    private static final URI PAGE = URI.create("https://example.com/page");

    @Test
    void aRefusedConnectionNamesHostPortAndUrl() {
        assertThat(CauseFormatter.describe(new ConnectException(), PAGE))
                .isEqualTo("could not connect to example.com:443 (connection refused) while fetching https://example.com/page");
        assertThat(CauseFormatter.describe(new ExecutionException(new ConnectException("Connection refused")),
                URI.create("http://127.0.0.1:9/x")))
                .isEqualTo("could not connect to 127.0.0.1:9 (connection refused) while fetching http://127.0.0.1:9/x");
    }

    /** The JDK's client wraps an unresolvable host in a connect failure: the host is what the operator must fix. */
    @Test
    void anUnresolvableHostWinsOverTheConnectFailureAroundIt() {
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new UnresolvedAddressException());
        assertThat(CauseFormatter.describe(wrapped, PAGE))
                .isEqualTo("cannot resolve host example.com while fetching https://example.com/page");
        assertThat(CauseFormatter.describe(new UnknownHostException("nowhere.invalid"))).isEqualTo(
                "cannot resolve host nowhere.invalid");
    }

    @Test
    void timeoutsSayWhichWait() {
        assertThat(CauseFormatter.describe(new HttpConnectTimeoutException("HTTP connect timed out"), PAGE))
                .startsWith("could not connect to example.com:443 in time");
        assertThat(CauseFormatter.describe(new HttpTimeoutException("request timed out"), PAGE))
                .startsWith("no answer from example.com:443 in time");
    }

    @Test
    void fileFailuresNameTheFile() {
        assertThat(CauseFormatter.describe(new NoSuchFileException("/data/x.csv"))).isEqualTo("no such file /data/x.csv");
        assertThat(CauseFormatter.describe(new UncheckedIOException(new AccessDeniedException("/data/y.csv"))))
                .isEqualTo("permission denied for /data/y.csv");
    }

    @Test
    void aMessageThatIsAnotherExceptionsToStringLosesTheClassNames() {
        IOException chained = new IOException(new IOException("java.net.ConnectException: Connection refused"));
        assertThat(CauseFormatter.describe(chained)).isEqualTo("Connection refused");
        assertThat(CauseFormatter.describe(new IOException("java.io.IOException: the disk is full")))
                .isEqualTo("the disk is full");
    }

    @Test
    void anOwnMessageIsKeptAndABareExceptionSaysWhatKindItIs() {
        assertThat(CauseFormatter.describe(new SourceException("no table with Symbol and Security headers")))
                .isEqualTo("no table with Symbol and Security headers");
        assertThat(CauseFormatter.describe(new NullPointerException()))
                .isEqualTo("an internal error (see the log and the report's detail.cause)");
        assertThat(CauseFormatter.describe(new IOException())).isEqualTo("an input/output error");
        assertThat(CauseFormatter.describe(new RuntimeException(new NoSuchFileException("/r.json"))))
                .isEqualTo("no such file /r.json");
    }

    @Test
    void aStatusNamesHostUrlAndWhatWasExpected() {
        assertThat(CauseFormatter.status(503, PAGE, "the constituents page"))
                .isEqualTo("HTTP 503 from example.com while fetching https://example.com/page (expected the constituents page)");
    }
}
