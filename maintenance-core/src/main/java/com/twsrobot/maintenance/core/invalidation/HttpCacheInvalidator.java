package com.twsrobot.maintenance.core.invalidation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a running host over HTTP that a constituent file changed: POSTs
 * {@code {"index","file","sha256","report_id","changed_at"}} as JSON to a configured URL, with
 * {@code Authorization: Bearer <token>} read from a file when one is configured. Each try is bounded
 * ({@code timeout}, headers and body), with a few tries and a short backoff; a failure throws, which the
 * task reports as a warning — the file stays replaced.
 */
public final class HttpCacheInvalidator implements CacheInvalidator {

    private final URI url;
    private final Path tokenFile;
    private final Duration timeout;
    private final int attempts;
    private final HttpClient client;

    /**
     * @param url        where to POST (http or https)
     * @param tokenFile  a file holding the bearer token (one line), or null for no auth header
     * @param timeout    per try
     * @param attempts   tries in all (at least 1)
     */
    public HttpCacheInvalidator(URI url, Path tokenFile, Duration timeout, int attempts) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the invalidation URL must be http or https, got " + url);
        }
        this.url = url;
        this.tokenFile = tokenFile;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http " + url;
    }

    @Override
    public void invalidate(String index) throws Exception {
        invalidate(new Change(index, "", "", "", java.time.Instant.now()));
    }

    @Override
    public void invalidate(Change change) throws Exception {
        ObjectNode body = ReportJson.mapper().createObjectNode();
        body.put("index", change.index());
        body.put("file", change.file());
        body.put("sha256", change.sha256());
        body.put("report_id", change.reportId());
        body.put("changed_at", ReportJson.timestamp(change.at()));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (tokenFile != null) {
            request.header("Authorization", "Bearer " + token());
        }
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                        .get(timeout.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                answers.add("HTTP " + response.statusCode());
                if (response.statusCode() / 100 == 4 && response.statusCode() != 429) {
                    break; // asking again will not change the answer
                }
            } catch (java.util.concurrent.TimeoutException e) {
                answers.add("no answer within " + timeout.toMillis() + " ms");
            } catch (java.util.concurrent.ExecutionException e) {
                answers.add(String.valueOf(e.getCause()));
            }
            if (attempt < attempts) {
                Thread.sleep(200L << (attempt - 1));
            }
        }
        throw new IOException("POST " + url + " failed: " + String.join("; ", answers));
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
