package com.twsrobot.maintenance.api.http;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.HttpSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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
 * The one HTTP stack of the library, and the only class that builds an {@link HttpClient}: every
 * source, provider, host session and invalidator sends through it. It owns what they would otherwise
 * each do their own way, as OkHttp keeps retries in one interceptor: the connect and per-request
 * timeouts, the User-Agent and the proxy (from the runner's {@link HttpSettings}), the deadline that
 * bounds the whole exchange (DNS, connect, TLS, headers and the whole body: the body is read under a
 * watchdog that closes the stream when the deadline passes), the body cap (final: a body over it is
 * never asked for again), and retries with backoff and {@code Retry-After} (seconds or an HTTP date,
 * read against the deadline's clock, never past the deadline) as a {@link RetryPolicy} says.
 *
 * <p>A stack is immutable; its client is built on the first request and shared by every request
 * through that stack. Failures are {@link HttpFailure}s whose message is an operator's sentence.
 */
public final class HttpStack {

    /** Closes streams whose deadline passed; one daemon thread for the whole JVM, idle otherwise. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "maintenance-http-deadline");
        t.setDaemon(true);
        return t;
    });

    /** Every client built, weakly, so a process about to exit can close them ({@link #closeAll}). */
    private static final Map<HttpClient, Boolean> BUILT = Collections.synchronizedMap(new WeakHashMap<>());

    private final HttpSettings settings;
    private final boolean direct;
    private final CookieHandler cookies;
    private final Sleeper sleeper;
    private volatile HttpClient client;

    private HttpStack(HttpSettings settings, boolean direct, CookieHandler cookies, Sleeper sleeper) {
        this.settings = settings;
        this.direct = direct;
        this.cookies = cookies;
        this.sleeper = sleeper;
    }

    /**
     * A stack for a runner's network settings: its timeouts, User-Agent, proxy and body cap; redirects
     * are followed, no cookies are kept, waits between tries sleep the thread.
     *
     * @param settings the runner's settings
     * @return the stack
     */
    public static HttpStack of(HttpSettings settings) {
        return new HttpStack(settings, false, null, Sleeper.THREAD);
    }

    /**
     * This stack keeping cookies in {@code jar} (a session that needs a cookie from its first answer).
     *
     * @param jar the cookie handler
     * @return a new stack, with its own client
     */
    public HttpStack withCookies(CookieHandler jar) {
        return new HttpStack(settings, direct, jar, sleeper);
    }

    /**
     * This stack for the operator's own host: not through {@code http.proxy} (the host is on the
     * operator's machine or network, not the internet) and without following redirects (a login
     * answers 302, which the caller reads).
     *
     * @return a new stack, with its own client
     */
    public HttpStack direct() {
        return new HttpStack(settings, true, cookies, sleeper);
    }

    /**
     * This stack waiting between tries with {@code waits} (a test's, which moves its clock instead).
     *
     * @param waits how to wait
     * @return a new stack, with its own client
     */
    public HttpStack withSleeper(Sleeper waits) {
        return new HttpStack(settings, direct, cookies, waits);
    }

    /**
     * The settings this stack sends with.
     *
     * @return the settings
     */
    public HttpSettings settings() {
        return settings;
    }

    /**
     * The last answer of an exchange and what each try met.
     *
     * @param answer  the answer the stack stopped at: a success, a status not worth asking again, or the
     *                last of the tries (whatever its status)
     * @param history one entry per try that did not succeed, and why the stack stopped asking, if it gave up
     * @param tries   how many requests were sent
     */
    public record Exchange(HttpAnswer answer, List<String> history, int tries) {
        /**
         * Copies the list.
         *
         * @param answer  the last answer
         * @param history what each try met
         * @param tries   how many requests were sent
         */
        public Exchange {
            history = List.copyOf(history);
        }
    }

    /**
     * Sends {@code request} (its URI, method, headers and body; the stack sets the timeout and the
     * User-Agent) until an answer is final, the policy's tries are used up or the deadline would pass.
     *
     * @param request  the request to send, as a builder the stack completes for each try
     * @param deadline the bound of the whole exchange, every try and wait included
     * @param retry    when to ask again
     * @return the answer the stack stopped at, with what each try met
     * @throws HttpFailure when the last try brought no answer (its history names every try); a body over
     *                     the cap, the deadline and an interrupt end the exchange at once
     */
    public Exchange send(HttpRequest.Builder request, Deadline deadline, RetryPolicy retry) throws HttpFailure {
        List<String> history = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            HttpAnswer answer;
            try {
                answer = once(request, deadline);
            } catch (HttpFailure failure) {
                history.add(failure.getMessage());
                if (failure.isFinal() || attempt >= retry.attempts()) {
                    throw failure.withHistory(history);
                }
                String stop = pause(retry.backoffAfter(attempt), deadline);
                if (stop != null) {
                    history.add(stop);
                    throw failure.withHistory(history);
                }
                continue;
            }
            boolean again = retry.retries(answer);
            if (answer.status() / 100 != 2 || again) {
                history.add(answer.describe());
            }
            if (!again || attempt >= retry.attempts()) {
                return new Exchange(answer, history, attempt);
            }
            Duration retryAfter = retryAfter(answer.headers(), deadline.clock());
            if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                history.add("Retry-After " + retryAfter.toSeconds() + " s is longer than the "
                        + retry.maxRetryAfter().toSeconds() + " s allowed");
                return new Exchange(answer, history, attempt);
            }
            String stop = pause(retryAfter != null ? retryAfter : retry.backoffAfter(attempt), deadline);
            if (stop != null) {
                history.add(stop);
                return new Exchange(answer, history, attempt);
            }
        }
    }

    /**
     * One try, never repeated.
     *
     * @param request  the request to send
     * @param deadline the bound of the exchange
     * @return the answer, whatever its status
     * @throws HttpFailure when no answer came
     */
    public HttpAnswer sendOnce(HttpRequest.Builder request, Deadline deadline) throws HttpFailure {
        return send(request, deadline, RetryPolicy.NONE).answer();
    }

    /**
     * Closes every client built so far (JDK 21+, where {@link HttpClient} is {@link AutoCloseable};
     * nothing on 17). Only for a process about to exit: an open client keeps a selector thread the JVM's
     * exit waits up to 300 ms for, and a closed client refuses further requests.
     */
    public static void closeAll() {
        List<HttpClient> clients;
        synchronized (BUILT) {
            clients = new ArrayList<>(BUILT.keySet());
            BUILT.clear();
        }
        for (HttpClient c : clients) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Exiting anyway: a client that cannot close costs the JVM's wait, nothing more.
                }
            }
        }
    }

    /**
     * Builds (and drops) a client, so that the JDK's HTTP and TLS classes are loaded when the first
     * request is sent: for a process to call on a spare thread while it starts up.
     */
    public static void prewarm() {
        of(HttpSettings.DEFAULT).client();
    }

    /**
     * How long a {@code Retry-After} header asks to wait: delta-seconds, or an HTTP date measured on
     * {@code clock}; null when absent or unreadable.
     */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // more than any bound allows
            }
        }
        try {
            Duration d = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Waits before the next try; the reason to stop instead, or null once waited. */
    private String pause(Duration wait, Deadline deadline) throws HttpFailure {
        if (wait.compareTo(deadline.remaining()) >= 0) {
            return "gave up: " + deadline.describe() + " would pass before the next try";
        }
        try {
            sleeper.sleep(wait);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Kind.INTERRUPTED, "interrupted while waiting to ask again", e);
        }
    }

    /** One request and its whole answer before {@code deadline}. */
    private HttpAnswer once(HttpRequest.Builder builder, Deadline deadline) throws HttpFailure {
        Duration left = deadline.remaining();
        HttpRequest request = builder.copy()
                .timeout(left.isZero() || left.compareTo(settings.requestTimeout()) > 0 ? settings.requestTimeout() : left)
                .setHeader("User-Agent", settings.userAgent()).build();
        URI uri = request.uri();
        if (left.isZero()) {
            throw new HttpFailure(HttpFailure.Kind.DEADLINE, deadline.describe() + " passed before " + uri
                    + " could be asked", null);
        }
        CompletableFuture<HttpResponse<InputStream>> pending = client().sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = pending.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpFailure(HttpFailure.Kind.NO_ANSWER, "no answer from " + uri + " within "
                    + deadline.describe() + " (still waiting for the headers)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            HttpFailure.Kind kind = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)
                    ? HttpFailure.Kind.NO_ANSWER : HttpFailure.Kind.UNREACHABLE;
            throw new HttpFailure(kind, CauseFormatter.describe(cause, uri), cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Kind.INTERRUPTED, "interrupted while waiting for " + uri, e);
        }
        return new HttpAnswer(response.uri(), response.statusCode(), response.headers(),
                readBody(response, uri, deadline, settings.maxBodyBytes()));
    }

    private static byte[] readBody(HttpResponse<InputStream> response, URI uri, Deadline deadline, long maxBytes)
            throws HttpFailure {
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
        // System.nanoTime only measures how long the body has been quiet, for the message: a duration.
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
        } catch (HttpFailure e) {
            throw e;
        } catch (IOException e) {
            if (expired.get()) {
                throw stalled(uri, deadline, counted.count, lastData[0]);
            }
            throw new HttpFailure(HttpFailure.Kind.BODY_BROKEN, "reading the body of " + uri + " failed after "
                    + counted.count + " bytes (" + CauseFormatter.describe(e) + ")", e);
        } finally {
            kill.cancel(false);
        }
        if (expired.get()) { // the watchdog closed the stream, which can look like a normal end
            throw stalled(uri, deadline, counted.count, lastData[0]);
        }
        return out.toByteArray();
    }

    private static HttpFailure tooLarge(URI uri, long maxBytes) {
        return new HttpFailure(HttpFailure.Kind.TOO_LARGE, "the body of " + uri + " is larger than " + maxBytes
                + " bytes", null);
    }

    private static HttpFailure stalled(URI uri, Deadline deadline, long bytes, long lastDataNanos) {
        Duration quiet = Duration.ofNanos(System.nanoTime() - lastDataNanos);
        return new HttpFailure(HttpFailure.Kind.BODY_STALLED, "no data for " + Deadline.seconds(quiet)
                + " while reading the body of " + uri + " (after " + bytes + " bytes); gave up at "
                + deadline.describe(), null);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                            .sslContext(LazyTrust.context())
                            .followRedirects(direct ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL);
                    if (!direct) {
                        settings.proxyAddress().ifPresent(proxy -> builder.proxy(ProxySelector.of(proxy)));
                    }
                    if (cookies != null) {
                        builder.cookieHandler(cookies);
                    }
                    c = builder.build();
                    BUILT.put(c, Boolean.TRUE);
                    client = c;
                }
            }
        }
        return c;
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
