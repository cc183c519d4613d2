package com.twsrobot.maintenance.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on one console route from {@code CONNECTIONS} distinct browser sessions, each its own
 * keep-alive HTTP/1.1 connection over loopback (raw sockets, so the connection count is exactly the one
 * asked for). Each connection first loads the dashboard page {@code /maintenance} without a cookie, as a
 * browser does, and keeps the {@code tws_console_session} cookie the console answers with; then it sends
 * {@code GET PATH} with that cookie, one request after the other, for {@code WARMUP_SECONDS} (not counted)
 * and {@code SECONDS} (counted). Every wait is bounded: connect and each read time out after 10 s, and a
 * connection that fails opens a new one (counted as an error).
 *
 * <p>Prints one line: {@code PATH CONNECTIONS ok=N errors=N rps=R p50_ms=X p99_ms=Y max_ms=Z}; a success
 * is a 200 with its whole body. Usage: {@code ConsoleLoad BASE_URI PATH CONNECTIONS WARMUP_SECONDS SECONDS}
 */
public final class ConsoleLoad {

    static final int TIMEOUT_MS = 10_000;
    static final int MAX_CONNECTIONS = 512;
    static final int MAX_SECONDS = 300;
    /** Bodies above this are an error: no console answer it measures is near it. */
    static final int MAX_BODY = 8 << 20;

    private ConsoleLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String path = args[1];
        int connections = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        if (connections < 1 || connections > MAX_CONNECTIONS || warmup < 0 || seconds < 1
                || warmup + seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("1–" + MAX_CONNECTIONS + " connections, at most " + MAX_SECONDS
                    + " s in all");
        }
        Result r = run(base, path, connections, warmup * 1000L, seconds * 1000L);
        System.out.printf(Locale.ROOT, "%s %d ok=%d errors=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                path, connections, r.ok(), r.errors(), r.ok() / (seconds * 1.0), r.percentile(0.50),
                r.percentile(0.99), r.percentile(1.0));
    }

    /** The counted requests: successes, errors and each success's latency in nanoseconds. */
    record Result(long ok, long errors, long[] latencies) {
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    static Result run(URI base, String path, int connections, long warmupMillis, long millis) throws InterruptedException {
        String hostHeader = base.getHost() + ":" + base.getPort();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perConnection = new ArrayList<>();
        int[] counts = new int[connections];
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] lat = new long[1 << 16];
            perConnection.add(lat);
            int index = c;
            Thread t = new Thread(() -> {
                Client client = new Client(address, hostHeader);
                try {
                    client.session(); // as a browser: the dashboard page first, which gives the session cookie
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    ready.countDown();
                }
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long[] mine = lat;
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= window[1]) {
                        break;
                    }
                    boolean success;
                    try {
                        success = client.get(path) == 200;
                    } catch (IOException e) {
                        success = false;
                        client.close();
                    }
                    long t1 = System.nanoTime();
                    if (t0 < window[0] || t1 > window[1]) {
                        continue; // warm-up, or finished after the window: not counted
                    }
                    if (!success) {
                        errors.incrementAndGet();
                        continue;
                    }
                    ok.incrementAndGet();
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                        perConnection.set(index, mine);
                    }
                    mine[n++] = t1 - t0;
                }
                counts[index] = n;
                client.close();
            }, "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!ready.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections not set up within 60 s");
        }
        long start = System.nanoTime();
        window[0] = start + warmupMillis * 1_000_000;
        window[1] = window[0] + millis * 1_000_000;
        go.countDown();
        for (Thread t : threads) {
            t.join(warmupMillis + millis + 2L * TIMEOUT_MS);
        }
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) { // each thread's array and count, seen after its join
            System.arraycopy(perConnection.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(ok.get(), errors.get(), all);
    }

    /** One keep-alive connection of one browser session. */
    static final class Client {
        private final InetSocketAddress address;
        private final String host;
        private String cookie = "";
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Client(InetSocketAddress address, String host) {
            this.address = address;
            this.host = host;
        }

        void session() throws IOException {
            Response page = exchange("/maintenance");
            String setCookie = page.header("set-cookie");
            if (page.status() != 200 || setCookie == null || !setCookie.startsWith("tws_console_session=")) {
                throw new IOException("the dashboard page gave no session cookie: " + page.status());
            }
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        }

        int get(String path) throws IOException {
            return exchange(path).status();
        }

        private Response exchange(String path) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.connect(address, TIMEOUT_MS);
                socket.setSoTimeout(TIMEOUT_MS);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response response = Response.read(in);
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                close();
            }
            return response;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** A response's status and headers; its body read (by {@code Content-Length}) and dropped. */
    record Response(int status, List<String[]> headers) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            List<String[]> headers = new ArrayList<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
                if (headers.size() > 100) {
                    throw new IOException("more than 100 headers");
                }
            }
            Response r = new Response(status, headers);
            String length = r.header("content-length");
            if (length == null) {
                if (status != 204 && status != 304 && !"close".equalsIgnoreCase(r.header("connection"))) {
                    throw new IOException("no Content-Length on a " + status);
                }
                return r;
            }
            long n = Long.parseLong(length);
            if (n > MAX_BODY) {
                throw new IOException("body of " + n + " bytes");
            }
            in.skipNBytes(n);
            return r;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (b.size() > 16 * 1024) {
                    throw new IOException("header line over 16 KiB");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
