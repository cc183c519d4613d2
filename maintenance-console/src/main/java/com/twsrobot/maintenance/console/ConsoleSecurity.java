package com.twsrobot.maintenance.console;

import com.sun.net.httpserver.Headers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's protection: an optional access token on every request (header or cookie), and for
 * every POST a CSRF token from the server echoed in {@code X-CSRF-Token} plus a same-origin
 * {@code Origin} (or {@code Referer}), with cross-site fetches refused. Tokens compare in constant time.
 */
final class ConsoleSecurity {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TOKEN_COOKIE = "tws_console_token";

    private final String csrfToken;
    private final Optional<String> accessToken;
    private final Set<String> allowedHosts;
    private final boolean loopback;

    ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.accessToken = accessToken;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.loopback = loopback;
    }

    String csrfToken() {
        return csrfToken;
    }

    boolean requiresAccessToken() {
        return accessToken.isPresent();
    }

    /** The Host header names this console (so a rebound DNS name cannot reach a loopback console). */
    boolean hostAllowed(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null) {
            return false;
        }
        return !loopback || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** True without an access token configured, else when the request carries it (bearer header or cookie). */
    boolean accessGranted(Headers headers) {
        if (accessToken.isEmpty()) {
            return true;
        }
        String auth = headers.getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && equal(auth.substring(7).trim(), accessToken.get())) {
            return true;
        }
        return cookie(headers, TOKEN_COOKIE).map(c -> equal(c, accessToken.get())).orElse(false);
    }

    boolean accessTokenMatches(String candidate) {
        return accessToken.isPresent() && candidate != null && equal(candidate, accessToken.get());
    }

    /** Why a state-changing request is refused, or empty when it may go on. */
    Optional<String> csrfProblem(Headers headers) {
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site requests are refused");
        }
        String token = headers.getFirst(CSRF_HEADER);
        if (token == null || !equal(token, csrfToken)) {
            return Optional.of("missing or wrong " + CSRF_HEADER + " header (reload the page to get a fresh token)");
        }
        String expected = "http://" + headers.getFirst("Host");
        String origin = headers.getFirst("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(expected) ? Optional.empty()
                    : Optional.of("Origin " + origin + " is not this console (" + expected + ")");
        }
        String referer = headers.getFirst("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String refOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
                return refOrigin.equalsIgnoreCase(expected) ? Optional.empty()
                        : Optional.of("Referer " + referer + " is not this console (" + expected + ")");
            } catch (IllegalArgumentException e) {
                return Optional.of("unreadable Referer header");
            }
        }
        return Optional.of("missing Origin and Referer headers");
    }

    private static Optional<String> cookie(Headers headers, String name) {
        for (String header : headers.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
