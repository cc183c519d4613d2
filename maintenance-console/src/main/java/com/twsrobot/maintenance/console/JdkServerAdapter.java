package com.twsrobot.maintenance.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** The console's routes served by the JDK's own HTTP server (what {@code serve} starts). */
final class JdkServerAdapter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JdkServerAdapter.class);
    private final ConsoleRoutes routes;

    JdkServerAdapter(ConsoleRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            ConsoleRequest request = new ConsoleRequest(exchange.getRequestMethod(), "http", "",
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), exchange.getRemoteAddress().getAddress(), exchange.getRequestBody(),
                    Optional.empty());
            ConsoleResponse response = routes.handle(request);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (IOException e) {
            // The client went away or stalled past the read bound: nothing to answer, nothing to alarm anyone.
            LOG.debug("console request {} {} ended early: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        }
    }
}
