package com.twsrobot.maintenance.api.events;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the host's own market-events service is and how to log in to it ({@code events_service =
 * host-http}): the host's base URL, the user, and a file holding the password (readable by its owner
 * only; the service refuses a file others can read).
 *
 * @param url          the host's base URL, e.g. {@code http://127.0.0.1:5000}
 * @param username     the user the task logs in as (a dedicated one)
 * @param passwordFile the file whose first line is that user's password
 */
public record HostConnection(URI url, String username, Path passwordFile) {

    /**
     * Checks that all three are given.
     *
     * @param url          the host's base URL
     * @param username     the user
     * @param passwordFile the password file
     */
    public HostConnection {
        Objects.requireNonNull(url, "host.url");
        Objects.requireNonNull(username, "host.username");
        Objects.requireNonNull(passwordFile, "host.password_file");
        if (username.isBlank()) {
            throw new IllegalArgumentException("host.username is empty");
        }
    }
}
