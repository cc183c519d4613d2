package com.twsrobot.maintenance.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server for tests: each path answers a scripted sequence of responses (the last
 * one repeats), with status codes, headers, delays and truncated bodies. Binds 127.0.0.1 on a free
 * port; close it when done.
 */
public final class FixtureServer implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param status    HTTP status
     * @param headers   response headers
     * @param body      the body bytes
     * @param delay     wait before answering
     * @param truncate  announce the full length but send only half the body, then drop the connection
     */
    public record Response(int status, Map<String, String> headers, byte[] body, Duration delay, boolean truncate) {

        public static Response html(String html) {
            return new Response(200, Map.of("Content-Type", "text/html; charset=UTF-8"),
                    html.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
        }

        public static Response status(int status) {
            return new Response(status, Map.of("Content-Type", "text/plain"),
                    ("HTTP " + status).getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
        }

        public static Response of(int status, String contentType, String body) {
            return new Response(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body, delay, truncate);
        }

        public Response delayed(Duration by) {
            return new Response(status, headers, body, by, truncate);
        }

        public Response truncated() {
            return new Response(status, headers, body, delay, true);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Response>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private FixtureServer(HttpServer server) {
        this.server = server;
    }

    public static FixtureServer start() {
        return LoopbackHttp.start("fixture-server", FixtureServer::new, fixture -> fixture::handle);
    }

    /** Serves {@code responses} in turn at {@code path}; the last one repeats. */
    public FixtureServer script(String path, Response... responses) {
        scripts.put(path, List.of(responses));
        hits.put(path, new AtomicInteger());
        return this;
    }

    /** Serves {@code html} at {@code path} every time. */
    public FixtureServer page(String path, String html) {
        return script(path, Response.html(html));
    }

    /** The full URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests {@code path} has answered. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<Response> script = scripts.get(path);
        try (exchange) {
            if (script == null) {
                byte[] body = ("no fixture at " + path).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            int n = hits.get(path).getAndIncrement();
            Response r = script.get(Math.min(n, script.size() - 1));
            if (!r.delay().isZero()) {
                try {
                    Thread.sleep(r.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            OutputStream out = exchange.getResponseBody();
            if (r.truncate()) {
                out.write(r.body(), 0, r.body().length / 2);
                out.flush();
                // Closing the exchange short of the announced length makes the server drop the connection.
                return;
            }
            out.write(r.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
