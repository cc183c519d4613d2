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
 * @param maxBodyBytes  larger request bodies are refused with 400
 */
public record ConsoleOptions(String bindAddress, int port, Optional<String> accessToken, int maxBodyBytes) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public ConsoleOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(accessToken, "accessToken");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        accessToken.ifPresent(t -> {
            if (t.length() < 16) {
                throw new IllegalArgumentException("the access token must be at least 16 characters");
            }
        });
    }

    /** Loopback only, the default port, no access token. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(DEFAULT_BIND, DEFAULT_PORT, Optional.empty(), DEFAULT_MAX_BODY);
    }

    public ConsoleOptions withBind(String address) {
        return new ConsoleOptions(address, port, accessToken, maxBodyBytes);
    }

    public ConsoleOptions withPort(int newPort) {
        return new ConsoleOptions(bindAddress, newPort, accessToken, maxBodyBytes);
    }

    public ConsoleOptions withAccessToken(String token) {
        return new ConsoleOptions(bindAddress, port, Optional.of(token), maxBodyBytes);
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
