package com.twsrobot.maintenance.sources;

import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP GET bounded by a deadline that covers everything: DNS, connect, TLS, the headers and the
 * whole body. {@code HttpRequest.timeout} only covers the wait for the headers, so the body is read
 * under a watchdog that closes the stream when the deadline passes (which closes the connection and
 * frees the reading thread). Failures are {@link IOException}s whose message names the cause.
 */
public final class BoundedHttp {

    /** Closes streams whose deadline passed; one daemon thread for the whole JVM, idle otherwise. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "maintenance-http-deadline");
        t.setDaemon(true);
        return t;
    });

    private BoundedHttp() {
    }

    /**
     * A body over the cap. Final: asking again brings the same body (and reads it all again), so no
     * caller retries it, unlike a network failure.
     */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /**
     * A time by which all the work on one source must be done, read from {@code clock} (the runner's
     * where there is one, so a test's clock decides; the runner's own bound still interrupts the work).
     */
    public record Deadline(Instant end, Duration total, java.time.Clock clock) {

        /** A deadline on the system clock. */
        public Deadline(Instant end, Duration total) {
            this(end, total, java.time.Clock.systemUTC());
        }

        public static Deadline in(Duration total) {
            return in(total, java.time.Clock.systemUTC());
        }

        /** {@code total} from now on {@code clock}. */
        public static Deadline in(Duration total, java.time.Clock clock) {
            return new Deadline(clock.instant().plus(total), total, clock);
        }

        public Duration remaining() {
            Duration left = Duration.between(clock.instant(), end);
            return left.isNegative() ? Duration.ZERO : left;
        }

        public boolean passed() {
            return remaining().isZero();
        }

        /** "the 60 s deadline" (or milliseconds below a second). */
        public String describe() {
            return "the " + seconds(total) + " deadline";
        }
    }

    /** A complete answer: status, headers and the whole (decompressed) body. */
    public record Answer(URI uri, int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body's first non-blank line, shortened, for messages. */
        public String firstLine() {
            String line = text().strip().lines().findFirst().orElse("").strip();
            return line.length() > 120 ? line.substring(0, 120) + "..." : line;
        }
    }

    /**
     * Sends {@code request} and reads the whole answer before {@code deadline}.
     *
     * @param maxBytes a larger body is refused
     * @throws IOException naming the cause: unresolvable host, refused connection, TLS failure, no
     *                     answer or no data before the deadline (with the bytes read so far); a body too large
     *                     is a {@link BodyTooLargeException}, refused from its Content-Length when it declares one
     */
    public static Answer get(HttpClient client, HttpRequest request, Deadline deadline, long maxBytes)
            throws IOException, InterruptedException {
        URI uri = request.uri();
        if (deadline.passed()) {
            throw new IOException(deadline.describe() + " passed before " + uri + " could be asked");
        }
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = pending.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("no answer from " + uri + " within " + deadline.describe() + " (still waiting for the headers)");
        } catch (ExecutionException e) {
            throw describe(e.getCause(), uri);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        }
        return new Answer(response.uri(), response.statusCode(), response.headers(),
                readBody(response, uri, deadline, maxBytes));
    }

    private static byte[] readBody(HttpResponse<InputStream> response, URI uri, Deadline deadline, long maxBytes)
            throws IOException {
        InputStream raw = response.body();
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip && declared > maxBytes) { // refused before a byte of it is read
            closeQuietly(raw);
            throw tooLarge(uri, maxBytes);
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> kill = WATCHDOG.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] lastData = {System.nanoTime()};
        CountingStream counted = new CountingStream(raw, lastData);
        try {
            try (InputStream in = gzip ? new GZIPInputStream(counted) : counted) {
                byte[] buffer = new byte[16 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > maxBytes) {
                        throw tooLarge(uri, maxBytes);
                    }
                }
            }
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IOException e) {
            if (expired.get()) {
                throw stalled(uri, deadline, counted.count, lastData[0]);
            }
            throw new IOException("reading the body of " + uri + " failed after " + counted.count + " bytes: "
                    + e.getMessage(), e);
        } finally {
            kill.cancel(false);
        }
        if (expired.get()) { // the watchdog closed the stream, which can look like a normal end
            throw stalled(uri, deadline, counted.count, lastData[0]);
        }
        return out.toByteArray();
    }

    private static BodyTooLargeException tooLarge(URI uri, long maxBytes) {
        return new BodyTooLargeException("the body of " + uri + " is larger than " + maxBytes + " bytes");
    }

    private static IOException stalled(URI uri, Deadline deadline, long bytes, long lastDataNanos) {
        Duration quiet = Duration.ofNanos(System.nanoTime() - lastDataNanos);
        return new IOException("no data for " + seconds(quiet) + " while reading the body of " + uri + " (after "
                + bytes + " bytes); gave up at " + deadline.describe());
    }

    /** A message naming the cause of a failed exchange, walking the cause chain for the root. */
    static IOException describe(Throwable failure, URI uri) {
        String hostPort = uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new IOException("cannot resolve host " + uri.getHost(), failure);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new IOException("could not connect to " + hostPort + " in time (" + t.getMessage() + ")", failure);
            }
            if (t instanceof SSLException) {
                return new IOException("TLS handshake with " + uri.getHost() + " failed (" + t.getMessage() + ")", failure);
            }
            if (t instanceof HttpTimeoutException) {
                return new IOException("no answer from " + uri + " in time (" + t.getMessage() + ")", failure);
            }
            if (t instanceof ConnectException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return new IOException("connection refused by " + hostPort, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // The JDK client reports a refused connect as a bare ConnectException with no message.
                return new IOException(t.getMessage() == null ? "connection refused by " + hostPort
                        : "could not connect to " + hostPort + " (" + t.getMessage() + ")", failure);
            }
        }
        String name = failure.getClass().getSimpleName();
        return new IOException(failure.getMessage() == null ? name + " from " + uri : name + " from " + uri + ": "
                + failure.getMessage(), failure);
    }

    static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : (d.toMillis() / 100) / 10.0 + " s";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how the read is abandoned; nothing more to do
        }
    }

    /** Counts the bytes that arrive and when the last ones did, for the "no data for …" message. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;
        private final long[] lastData;

        CountingStream(InputStream in, long[] lastData) {
            super(in);
            this.lastData = lastData;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                lastData[0] = System.nanoTime();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                lastData[0] = System.nanoTime();
            }
            return n;
        }
    }
}
