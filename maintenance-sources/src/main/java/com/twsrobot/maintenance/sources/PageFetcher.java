package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.api.http.HttpAnswer;
import com.twsrobot.maintenance.api.http.HttpFailure;
import com.twsrobot.maintenance.api.http.HttpStack;
import com.twsrobot.maintenance.api.http.TryHistory;
import com.twsrobot.maintenance.api.http.RetryPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches one page over HTTP(S) or from a {@code file:} URL, trying each URL given in turn. Timeouts,
 * the User-Agent, the proxy, the body cap (final: a body over it is never retried), retries with backoff
 * on I/O errors and on 403/408/425/429/5xx honouring {@code Retry-After} up to a bound, and the
 * deadline over all of it are the {@link HttpStack}'s; this class adds gzip, the fallback URLs, the
 * check that a page is HTML, and a failure that names every URL tried and what each answered.
 */
public final class PageFetcher {

    /** Statuses below 500 worth retrying: some publishers answer a burst with 403 before they throttle. */
    private static final Set<Integer> RETRYABLE = Set.of(403, 408, 425, 429);

    static final String USER_AGENT = HttpSettings.DEFAULT_USER_AGENT;

    /**
     * @param connectTimeout  per connection
     * @param requestTimeout  per request, until the headers arrive
     * @param totalTimeout    no longer read: every fetch is given its deadline, on the runner's clock (the
     *                        component stays so that settings written for earlier versions still build)
     * @param attemptsPerUrl  tries per URL before moving to the next
     * @param backoff         first wait between tries; doubles each time
     * @param maxRetryAfter   longest {@code Retry-After} honoured; longer ones give up on that URL
     * @param maxBodyBytes    larger bodies are refused
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout, Duration totalTimeout, int attemptsPerUrl,
                           Duration backoff, Duration maxRetryAfter, long maxBodyBytes) {

        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(60), 3, Duration.ofMillis(500), Duration.ofSeconds(15), 8L * 1024 * 1024);

        /** {@code http} with these timeouts, tries and body cap. */
        HttpSettings applyTo(HttpSettings http) {
            return http.withTimeouts(connectTimeout, requestTimeout).withAttemptsPerUrl(attemptsPerUrl)
                    .withMaxBodyBytes(maxBodyBytes);
        }
    }

    /**
     * A fetched page: the URL that answered, its text and the answer's {@code Last-Modified} time (empty
     * when the server sent none, sent one that is not an HTTP date, or the page was a file).
     */
    public record Page(String url, String body, java.util.Optional<Instant> lastModified) {
        /** A page without a {@code Last-Modified} time. */
        public Page(String url, String body) {
            this(url, body, java.util.Optional.empty());
        }
    }

    private final Settings settings;
    private final HttpStack stack;
    private final RetryPolicy retry;

    /** A fetcher with these bounds, the default User-Agent and no proxy. */
    public PageFetcher(Settings settings) {
        this(settings, HttpSettings.DEFAULT);
    }

    /** A fetcher with these bounds, sending {@code http}'s User-Agent through its proxy. */
    public PageFetcher(Settings settings, HttpSettings http) {
        this(settings, HttpStack.of(settings.applyTo(http)));
    }

    /**
     * A fetcher with these bounds and {@code http}'s User-Agent and proxy that waits between tries with
     * {@code waits} (a test's, which moves its clock instead of sleeping).
     */
    public PageFetcher(Settings settings, HttpSettings http, com.twsrobot.maintenance.api.http.Sleeper waits) {
        this(settings, HttpStack.of(settings.applyTo(http)).withSleeper(waits));
    }

    private PageFetcher(Settings settings, HttpStack stack) {
        this.settings = settings;
        this.stack = stack;
        this.retry = RetryPolicy.of(settings.attemptsPerUrl(), settings.backoff(), settings.maxRetryAfter())
                .withStatuses(RETRYABLE);
    }

    /** A fetcher for a runner's network settings: its timeouts, tries, body limit, User-Agent and proxy. */
    public static PageFetcher forRunner(HttpSettings http) {
        Settings d = Settings.DEFAULT;
        return new PageFetcher(new Settings(http.connectTimeout(), http.requestTimeout(), d.totalTimeout(),
                http.attemptsPerUrl(), d.backoff(), d.maxRetryAfter(), http.maxBodyBytes()), http);
    }

    /**
     * Tries {@code urls} in order; returns the first page that could be fetched. Every try, retry and
     * fallback happens before {@code deadline}: when it passes, the read under way is abandoned (its
     * connection closed) and the failure names every URL tried and what each answered.
     */
    public Page fetch(List<String> urls, Deadline deadline) throws SourceException {
        Download d = download(urls, deadline, true);
        return new Page(d.url(), new String(d.bytes(), StandardCharsets.UTF_8), d.lastModified());
    }

    /** A downloaded file: the URL that answered, its bytes and the answer's {@code Last-Modified} time, if any. */
    public record Download(String url, byte[] bytes, java.util.Optional<Instant> lastModified) {
        /** A download without a {@code Last-Modified} time. */
        public Download(String url, byte[] bytes) {
            this(url, bytes, java.util.Optional.empty());
        }
    }

    /**
     * Like {@link #fetch(List, Deadline)} for any kind of file (a CSV, a spreadsheet): the same
     * deadline, retries, caps and messages, without the check that the answer is HTML.
     */
    public Download download(List<String> urls, Deadline deadline) throws SourceException {
        return download(urls, deadline, false);
    }

    private Download download(List<String> urls, Deadline deadline, boolean htmlOnly) throws SourceException {
        List<String> tried = new ArrayList<>();
        for (String url : urls) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                tried.add(url + " is not a valid URL");
                continue;
            }
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                try {
                    return new Download(url, readFile(Path.of(uri)));
                } catch (IOException | RuntimeException e) {
                    tried.add(url + ": " + CauseFormatter.describe(e));
                    continue;
                }
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                tried.add(url + ": only http, https and file URLs are supported");
                continue;
            }
            Download page = fetchHttp(uri, deadline, tried, htmlOnly);
            if (page != null) {
                return page;
            }
            if (deadline.passed()) {
                break;
            }
        }
        throw new SourceException("could not fetch the page; tried " + String.join("; ", tried));
    }

    private Download fetchHttp(URI uri, Deadline deadline, List<String> tried, boolean htmlOnly) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .header("Accept-Language", "en");
        List<String> answers = new ArrayList<>();
        try {
            HttpStack.Exchange exchange = stack.send(request, deadline, retry);
            answers.addAll(exchange.history());
            HttpAnswer answer = exchange.answer();
            if (answer.status() == 200) {
                String contentType = answer.headers().firstValue("Content-Type").orElse("");
                if (!htmlOnly || contentType.isEmpty() || contentType.toLowerCase(Locale.ROOT).contains("html")) {
                    return new Download(uri.toString(), answer.body(), lastModified(answer.headers()));
                }
                answers.add("answered " + contentType.split(";")[0] + ", not HTML");
            }
        } catch (HttpFailure e) {
            answers.addAll(e.history());
        }
        tried.add(uri + " (" + String.join(", ", TryHistory.collapsed(answers)) + ")");
        return null;
    }

    /**
     * A saved page: only a regular file (a FIFO or a device could block or never end), no larger than
     * the body cap.
     */
    private byte[] readFile(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(Files.exists(path) ? "not a regular file (a pipe, device or directory cannot be a "
                    + "saved page)" : "no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (bytes.length > settings.maxBodyBytes()) {
                throw new IOException("larger than the " + settings.maxBodyBytes() + "-byte cap");
            }
            return bytes;
        }
    }

    /** The {@code Last-Modified} header as an instant; empty when absent or not an HTTP date. */
    static java.util.Optional<Instant> lastModified(java.net.http.HttpHeaders headers) {
        return headers.firstValue("Last-Modified").flatMap(value -> {
            try {
                return java.util.Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        });
    }
}
