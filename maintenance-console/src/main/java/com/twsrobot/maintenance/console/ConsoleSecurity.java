package com.twsrobot.maintenance.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's protection: an optional access token on every request (header or cookie), and for
 * every POST a CSRF token from the server echoed in {@code X-CSRF-Token} plus a same-origin
 * {@code Origin} (or {@code Referer}), with cross-site fetches refused. Tokens compare in constant time.
 * Mounted in a host's servlet container, the host's login replaces the access token and the Host check
 * (the host's server owns its names). A program may instead send one of the {@link ApiTokens} as a
 * bearer token: it grants access and, as no browser sends it by itself, stands in for the CSRF rules.
 *
 * <p>It also says who a request is from for the per-client cap ({@link #clientKey}): the browser
 * session (a signed cookie every answer to a client without one sets), the API token's label, or the
 * host's user; failing those, the address and the kind of route, so a script flooding {@code /metrics}
 * fills only its own share and the operator's page and status stay served.
 */
final class ConsoleSecurity {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TOKEN_COOKIE = "tws_console_token";
    static final String SESSION_COOKIE = "tws_console_session";
    private static final String HMAC = "HmacSHA256";

    private final String csrfToken;
    private final Optional<String> accessToken;
    private final Set<String> allowedHosts;
    private final boolean loopback;
    private final boolean hostLogin;
    private final ApiTokens apiTokens;
    private final SecureRandom random = new SecureRandom();
    private final byte[] sessionKey = new byte[32];

    ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback, ApiTokens apiTokens) {
        this(accessToken, allowedHosts, loopback, false, apiTokens);
    }

    /**
     * Security for a console inside a host's server: every request needs the host's signed-in user,
     * or one of {@code apiTokens}.
     */
    static ConsoleSecurity hostLogin(ApiTokens apiTokens) {
        return new ConsoleSecurity(Optional.empty(), Set.of(), false, true, apiTokens);
    }

    private ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback, boolean hostLogin,
                            ApiTokens apiTokens) {
        this.hostLogin = hostLogin;
        this.apiTokens = apiTokens;
        random.nextBytes(sessionKey);
        byte[] csrf = new byte[32];
        random.nextBytes(csrf);
        this.csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
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
        if (apiTokenLabel(request).isPresent()) {
            return true;
        }
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

    /** The label of the API token the request carries as {@code Authorization: Bearer}, or empty. */
    Optional<String> apiTokenLabel(ConsoleRequest request) {
        String auth = request.header("Authorization");
        if (auth == null || apiTokens.isEmpty() || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return apiTokens.labelOf(auth.substring(7).trim());
    }

    /**
     * Whom the per-client cap counts the request against: {@code token:LABEL}, {@code user:NAME},
     * {@code session:ID}, or else {@code address:IP:GROUP} with the group {@code page} (the dashboard
     * and its files), {@code probe} ({@code /metrics}, health and badge) or {@code api}.
     */
    String clientKey(ConsoleRequest request) {
        Optional<String> label = apiTokenLabel(request);
        if (label.isPresent()) {
            return "token:" + label.get();
        }
        if (hostLogin && request.user().isPresent()) {
            return "user:" + request.user().get();
        }
        Optional<String> session = session(request);
        if (session.isPresent()) {
            return "session:" + session.get();
        }
        return "address:" + request.client().getHostAddress() + ":" + routeGroup(request.path());
    }

    private static String routeGroup(String path) {
        if (path == null) {
            return "api";
        }
        return switch (path) {
            case "/", "/maintenance", "/maintenance/app.js", "/maintenance/app.css", "/maintenance/uPlot.iife.min.js",
                 "/maintenance/uPlot.min.css" -> "page";
            case "/metrics", "/api/maintenance/health", "/maintenance/badge.svg" -> "probe";
            default -> "api";
        };
    }

    /**
     * Whether the request should be given a session cookie with its answer: it has no valid one, and it
     * is not a program with an API token (whose label is its share) nor under the host's login (its user is).
     */
    boolean needsSession(ConsoleRequest request) {
        return !hostLogin && apiTokenLabel(request).isEmpty() && session(request).isEmpty();
    }

    /**
     * A new browser session for the per-client cap: {@code ID.MAC}, the MAC keyed by this console
     * (so a client cannot make up sessions, only ask for them). It grants nothing.
     */
    String newSessionCookie(String base) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return SESSION_COOKIE + "=" + encoded + "." + mac(encoded) + "; Path=" + (base.isEmpty() ? "/" : base)
                + "; HttpOnly; SameSite=Strict";
    }

    private Optional<String> session(ConsoleRequest request) {
        return cookie(request, SESSION_COOKIE).flatMap(value -> {
            int dot = value.indexOf('.');
            if (dot < 1 || dot > 64) {
                return Optional.empty();
            }
            String id = value.substring(0, dot);
            return equal(value.substring(dot + 1), mac(id)) ? Optional.of(id) : Optional.empty();
        });
    }

    private String mac(String id) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(sessionKey, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }

    /**
     * Why a state-changing request is refused, or empty when it may go on. A request with an API token
     * may: no browser sends a bearer header by itself, so it cannot be forged across sites.
     */
    Optional<String> csrfProblem(ConsoleRequest request) {
        if (apiTokenLabel(request).isPresent()) {
            return Optional.empty();
        }
        String site = request.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site requests are refused");
        }
        String token = request.header(CSRF_HEADER);
        if (token == null || !equal(token, csrfToken)) {
            return Optional.of("missing or wrong " + CSRF_HEADER + " header (reload the page to get a fresh token; "
                    + "a program sends one of the console's API tokens instead: 'Authorization: Bearer <token>')");
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
