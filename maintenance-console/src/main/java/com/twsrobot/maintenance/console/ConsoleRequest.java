package com.twsrobot.maintenance.console;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the console's routes see it, whatever server received it.
 *
 * @param method   {@code GET}, {@code POST}, ...
 * @param scheme   {@code http} or {@code https}, as the client used it (for the same-origin check)
 * @param base     the path the console is mounted under ({@code ""} at the server's root, e.g. {@code /ops})
 * @param path     the raw (undecoded) path within the console, e.g. {@code /api/maintenance/status}
 * @param rawQuery the raw query string, or null
 * @param headers  header values by name (any case)
 * @param client   the client's address (the per-client request cap counts by it)
 * @param body     the request body, read at most once
 * @param user     the user the host's login signed in (servlet adapter), or empty
 */
public record ConsoleRequest(String method, String scheme, String base, String path, String rawQuery, Map<String, List<String>> headers,
                             InetAddress client, InputStream body, Optional<String> user) {

    public ConsoleRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        base = Objects.requireNonNullElse(base, "");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(user, "user");
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(byName);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header (empty when absent). */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
