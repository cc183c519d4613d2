package com.twsrobot.maintenance.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What grants access to the console: its access token (bearer header or the cookie the token login
 * set), one of its {@link ApiTokens}, or under the host's login the user the host signed in. Tokens
 * compare in constant time.
 */
final class Credentials {

    private final Optional<String> accessToken;
    private final boolean hostLogin;
    private final ApiTokens apiTokens;

    Credentials(Optional<String> accessToken, boolean hostLogin, ApiTokens apiTokens) {
        this.accessToken = accessToken;
        this.hostLogin = hostLogin;
        this.apiTokens = apiTokens;
    }

    boolean requiresAccessToken() {
        return accessToken.isPresent();
    }

    boolean usesHostLogin() {
        return hostLogin;
    }

    /**
     * With an API token, yes. Under the host's login: when the host signed a user in. Else yes without
     * an access token configured, or when the request carries it (bearer header or cookie).
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
        return cookie(request, ConsoleSecurity.TOKEN_COOKIE).map(c -> equal(c, accessToken.get())).orElse(false);
    }

    boolean accessTokenMatches(String candidate) {
        return accessToken.isPresent() && candidate != null && equal(candidate, accessToken.get());
    }

    /** A bearer token that is neither an API token nor the access token: said plainly, not left to a later check. */
    boolean unknownBearer(ConsoleRequest request) {
        String auth = request.header("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && apiTokenLabel(request).isEmpty()
                && !accessTokenMatches(auth.substring(7).trim());
    }

    /** The label of the API token the request carries as {@code Authorization: Bearer}, or empty. */
    Optional<String> apiTokenLabel(ConsoleRequest request) {
        String auth = request.header("Authorization");
        if (auth == null || apiTokens.isEmpty() || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return apiTokens.labelOf(auth.substring(7).trim());
    }

    static Optional<String> cookie(ConsoleRequest request, String name) {
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

    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
