package com.twsrobot.maintenance.core.invalidation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.api.http.HttpFailure;
import com.twsrobot.maintenance.api.http.HttpStack;
import com.twsrobot.maintenance.api.http.TryHistory;
import com.twsrobot.maintenance.api.http.RetryPolicy;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Tells a running host over HTTP that a constituent file changed: POSTs
 * {@code {"index","file","sha256","report_id","changed_at"}} as JSON to a configured URL, with
 * {@code Authorization: Bearer <token>} read from a file when one is configured. It sends through the
 * {@link HttpStack}: each try is bounded ({@code timeout}, headers and body), with a few tries, a short
 * backoff and {@code Retry-After}; a failure throws, which the task reports as a warning — the file stays
 * replaced.
 */
public final class HttpCacheInvalidator implements CacheInvalidator {

    /** The first wait between tries; doubles. */
    private static final Duration BACKOFF = Duration.ofMillis(200);

    private final URI url;
    private final Path tokenFile;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final HttpStack stack;
    private final Clock clock;

    /**
     * @param url        where to POST (http or https)
     * @param tokenFile  a file holding the bearer token (one line), or null for no auth header
     * @param timeout    per try (connect, headers and body)
     * @param attempts   tries in all (at least 1)
     * @param http       the runner's network settings (its User-Agent; the host is reached directly, not
     *                   through the proxy, as the host's own session is)
     * @param clock      the runner's clock: the deadline, and the time of a change told without one
     */
    public HttpCacheInvalidator(URI url, Path tokenFile, Duration timeout, int attempts, HttpSettings http, Clock clock) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the invalidation URL must be http or https, got " + url);
        }
        this.url = url;
        this.tokenFile = tokenFile;
        this.timeout = timeout;
        this.clock = clock;
        // A 4xx other than 429 is final (asking again will not change the answer); 429 and 5xx are retried.
        this.retry = new RetryPolicy(Math.max(1, attempts), BACKOFF, timeout, Set.of(429), answer -> false);
        this.stack = HttpStack.of(http.withTimeouts(timeout, timeout)).direct();
    }

    @Override
    public String name() {
        return "http " + url;
    }

    @Override
    public void invalidate(String index) throws Exception {
        invalidate(new Change(index, "", "", "", clock.instant()));
    }

    @Override
    public void invalidate(Change change) throws Exception {
        ObjectNode body = ReportJson.mapper().createObjectNode();
        body.put("index", change.index());
        body.put("file", change.file());
        body.put("sha256", change.sha256());
        body.put("report_id", change.reportId());
        body.put("changed_at", ReportJson.timestamp(change.at()));
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (tokenFile != null) {
            request.header("Authorization", "Bearer " + token());
        }
        // Every try and wait within one bound: each try's timeout plus the doubling waits between them.
        Duration bound = timeout.multipliedBy(retry.attempts()).plus(BACKOFF.multipliedBy(1L << retry.attempts()));
        List<String> answers;
        try {
            HttpStack.Exchange exchange = stack.send(request, Deadline.in(bound, clock), retry);
            if (exchange.answer().status() / 100 == 2) {
                return;
            }
            answers = exchange.history();
        } catch (HttpFailure e) {
            answers = e.history();
        }
        throw new IOException("POST " + url + " failed: " + String.join("; ", TryHistory.collapsed(answers)));
    }

    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    private String token() throws IOException {
        // The operator's file (a mounted secret is often a link, so it is followed), read to a cap: one line.
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(tokenFile)) {
            bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
        }
        String token = new String(bytes, StandardCharsets.UTF_8).strip();
        if (bytes.length > MAX_TOKEN_BYTES || token.isEmpty() || token.contains("\n")) {
            throw new IOException("the token file " + tokenFile.toAbsolutePath() + " must hold one line, the token");
        }
        return token;
    }
}
