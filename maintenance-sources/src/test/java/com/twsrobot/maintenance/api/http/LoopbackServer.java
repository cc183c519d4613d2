package com.twsrobot.maintenance.api.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server answering every request from a script (the last answer repeats) and recording what
 * each request carried: its request line's URI (absolute when it came through as a proxy) and headers.
 */
final class LoopbackServer implements AutoCloseable {

    /** One scripted answer; {@code chunked} sends the body without a Content-Length. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean chunked) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8), false);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, h, body, chunked);
        }

        Answer withoutLength() {
            return new Answer(status, headers, body, true);
        }
    }

    /** What a request carried. */
    record Seen(String method, URI uri, Headers headers) {
    }

    private final HttpServer server;
    private final List<Answer> script;
    private final AtomicInteger hits = new AtomicInteger();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    LoopbackServer(Answer... answers) {
        this.script = List.of(answers);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders()));
                exchange.getRequestBody().readAllBytes();
                Answer a = script.get(Math.min(hits.getAndIncrement(), script.size() - 1));
                a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(a.status(), a.chunked() ? 0 : a.body().length == 0 ? -1 : a.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                }
            } catch (IOException e) {
                // the client went away (a body it refused): nothing to answer
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
