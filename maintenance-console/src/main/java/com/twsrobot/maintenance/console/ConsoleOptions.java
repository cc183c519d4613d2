package com.twsrobot.maintenance.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the console listens.
 *
 * @param bindAddress   address to bind; 127.0.0.1 by default
 * @param port          TCP port; 0 picks a free one
 * @param accessToken   required on every request when present; mandatory for a non-loopback bind
 * @param maxBodyBytes  larger request bodies are refused with 413
 * @param requestReadTimeout  the longest a client may take to send a request's headers and body; the
 *                            connection is closed after it (the JDK server's {@code sun.net.httpserver.maxReqTime})
 * @param maxRequestsPerClient requests one client address may have under way at once; more get 429
 * @param workers       threads serving requests; stalled clients hold one each until the read timeout
 * @param apiTokens     labelled bearer tokens a program may send instead of the page's CSRF token
 *                      ({@link ApiTokens#none()} by default); each also grants access like the access token
 */
public record ConsoleOptions(String bindAddress, int port, Optional<String> accessToken, int maxBodyBytes,
                             java.time.Duration requestReadTimeout, int maxRequestsPerClient, int workers,
                             ApiTokens apiTokens) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    public static final int DEFAULT_MAX_BODY = 64 * 1024;
    public static final java.time.Duration DEFAULT_READ_TIMEOUT = java.time.Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_REQUESTS_PER_CLIENT = 16;
    public static final int DEFAULT_WORKERS = 128;

    /** Options with the default read timeout, per-client cap and worker count. */
    public ConsoleOptions(String bindAddress, int port, Optional<String> accessToken, int maxBodyBytes) {
        this(bindAddress, port, accessToken, maxBodyBytes, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_REQUESTS_PER_CLIENT,
                DEFAULT_WORKERS);
    }

    /** Options without API tokens. */
    public ConsoleOptions(String bindAddress, int port, Optional<String> accessToken, int maxBodyBytes,
                          java.time.Duration requestReadTimeout, int maxRequestsPerClient, int workers) {
        this(bindAddress, port, accessToken, maxBodyBytes, requestReadTimeout, maxRequestsPerClient, workers,
                ApiTokens.none());
    }

    public ConsoleOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(accessToken, "accessToken");
        if (port < 0 || port > 65535) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("port must be 0 to 65535, got " + port);
        }
        if (requestReadTimeout == null || requestReadTimeout.toSeconds() < 1) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("the request read timeout must be at least 1 s, got " + requestReadTimeout);
        }
        if (maxRequestsPerClient < 1 || workers < 2 || maxBodyBytes < 1) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("maxRequestsPerClient, workers and maxBodyBytes must be positive "
                    + "(workers at least 2)");
        }
        accessToken.ifPresent(t -> {
            if (t.length() < 16) {
                throw new com.twsrobot.maintenance.api.ConfigurationException("the access token must be at least 16 characters");
            }
        });
    }

    /** Loopback only, the default port, no access token. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(DEFAULT_BIND, DEFAULT_PORT, Optional.empty(), DEFAULT_MAX_BODY);
    }

    public ConsoleOptions withBind(String address) {
        return new ConsoleOptions(address, port, accessToken, maxBodyBytes, requestReadTimeout, maxRequestsPerClient,
                workers, apiTokens);
    }

    public ConsoleOptions withPort(int newPort) {
        return new ConsoleOptions(bindAddress, newPort, accessToken, maxBodyBytes, requestReadTimeout, maxRequestsPerClient,
                workers, apiTokens);
    }

    public ConsoleOptions withAccessToken(String token) {
        return new ConsoleOptions(bindAddress, port, Optional.of(token), maxBodyBytes, requestReadTimeout, maxRequestsPerClient,
                workers, apiTokens);
    }

    public ConsoleOptions withRequestReadTimeout(java.time.Duration timeout) {
        return new ConsoleOptions(bindAddress, port, accessToken, maxBodyBytes, timeout, maxRequestsPerClient, workers, apiTokens);
    }

    public ConsoleOptions withMaxRequestsPerClient(int max) {
        return new ConsoleOptions(bindAddress, port, accessToken, maxBodyBytes, requestReadTimeout, max, workers, apiTokens);
    }

    public ConsoleOptions withApiTokens(ApiTokens tokens) {
        return new ConsoleOptions(bindAddress, port, accessToken, maxBodyBytes, requestReadTimeout, maxRequestsPerClient,
                workers, tokens);
    }

    /** Whether the bind address is a loopback address (127.0.0.0/8, ::1, localhost). */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
