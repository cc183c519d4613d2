package com.twsrobot.maintenance.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that misbehaves the way a stuck proxy or a half-dead CDN node does: it sends part
 * of an answer and then neither sends more nor closes the connection, until the test closes it. For
 * tests that prove every wait has a bound. Binds 127.0.0.1 on a free port.
 */
public final class StallingServer implements AutoCloseable {

    /** What each connection gets before the stall. */
    public enum Mode {
        /** Nothing at all: the request is read, no answer comes. */
        NO_ANSWER,
        /** Half of the status line and headers. */
        PARTIAL_HEADERS,
        /** Complete headers announcing a large body, then {@code bodyBytes} of it. */
        PARTIAL_BODY
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final int bodyBytes;
    private final String contentType;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private StallingServer(ServerSocket socket, Mode mode, int bodyBytes, String contentType) {
        this.socket = socket;
        this.mode = mode;
        this.bodyBytes = bodyBytes;
        this.contentType = contentType;
    }

    /** A server whose connections stall in {@code mode}; {@code bodyBytes} is used by {@link Mode#PARTIAL_BODY}. */
    public static StallingServer start(Mode mode, int bodyBytes, String contentType) {
        try {
            StallingServer server = new StallingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), mode,
                    bodyBytes, contentType);
            Thread acceptor = new Thread(server::acceptLoop, "stalling-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Connections accepted so far and still held open. */
    public int openConnections() {
        return (int) open.stream().filter(s -> !s.isClosed()).count();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> stall(client), "stalling-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void stall(Socket client) {
        try {
            InputStream in = client.getInputStream();
            readRequestHead(in);
            OutputStream out = client.getOutputStream();
            switch (mode) {
                case NO_ANSWER -> { }
                case PARTIAL_HEADERS -> out.write("HTTP/1.1 200 OK\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII));
                case PARTIAL_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                            + (bodyBytes * 10L + 1000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[bodyBytes];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    byte[] start = "<html><body><p>".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(start, 0, chunk, 0, Math.min(start.length, chunk.length));
                    out.write(chunk);
                }
            }
            out.flush();
            // Hold the connection: read until the client gives up (or the test closes the server).
            while (in.read() >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the client went away or the server closed: the stall is over
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
