package com.twsrobot.maintenance.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Starts the testkit's JDK HTTP servers: a free loopback port, every path to one handler, daemon threads. */
final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /**
     * Creates a server, wraps it in what answers it, routes every path to that one's handler and starts it.
     *
     * @param threadName the name of the server's threads
     * @param wrap       what answers, made from the (not yet started) server
     * @param handler    that one's handler
     * @return what answers, its server started
     */
    static <T> T start(String threadName, Function<HttpServer, T> wrap, Function<T, HttpHandler> handler) {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every answer, which would swamp the latencies tests script.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            T server = wrap.apply(http);
            http.createContext("/", handler.apply(server));
            http.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            }));
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
