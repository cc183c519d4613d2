package com.twsrobot.maintenance.console;

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
 * Mounted in a host's servlet container, the host's login replaces the access token and the Host check
 * (the host's server owns its names).
 */
final class ConsoleSecurity {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TOKEN_COOKIE = "tws_console_token";

    private final String csrfToken;
    private final Optional<String> accessToken;
    private final Set<String> allowedHosts;
    private final boolean loopback;
    private final boolean hostLogin;

    ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback) {
        this(accessToken, allowedHosts, loopback, false);
    }

    /** Security for a console inside a host's server: every request needs the host's signed-in user. */
    static ConsoleSecurity hostLogin() {
        return new ConsoleSecurity(Optional.empty(), Set.of(), false, true);
    }

    private ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback, boolean hostLogin) {
        this.hostLogin = hostLogin;
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

    boolean usesHostLogin() {
        return hostLogin;
    }

    /** The Host header names this console (so a rebound DNS name cannot reach a loopback console). */
    boolean hostAllowed(ConsoleRequest request) {
        String host = request.header("Host");
        if (host == null) {
            return false;
        }
        return !loopback || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Under the host's login: when the host signed a user in. Else true without an access token
     * configured, or when the request carries it (bearer header or cookie).
     */
    boolean accessGranted(ConsoleRequest request) {
        if (hostLogin) {
            return request.user().isPresent();
        }
        if (accessToken.isEmpty()) {
            return true;
        }
        String auth = request.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && equal(auth.substring(7).trim(), accessToken.get())) {
            return true;
        }
        return cookie(request, TOKEN_COOKIE).map(c -> equal(c, accessToken.get())).orElse(false);
    }

    boolean accessTokenMatches(String candidate) {
        return accessToken.isPresent() && candidate != null && equal(candidate, accessToken.get());
    }

    /** Why a state-changing request is refused, or empty when it may go on. */
    Optional<String> csrfProblem(ConsoleRequest request) {
        String site = request.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site requests are refused");
        }
        String token = request.header(CSRF_HEADER);
        if (token == null || !equal(token, csrfToken)) {
            return Optional.of("missing or wrong " + CSRF_HEADER + " header (reload the page to get a fresh token)");
        }
        String expected = request.scheme() + "://" + request.header("Host");
        String origin = request.header("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(expected) ? Optional.empty()
                    : Optional.of("Origin " + origin + " is not this console (" + expected + ")");
        }
        String referer = request.header("Referer");
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

    private static Optional<String> cookie(ConsoleRequest request, String name) {
        for (String header : request.headerValues("Cookie")) {
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
