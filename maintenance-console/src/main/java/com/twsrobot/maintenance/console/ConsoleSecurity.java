package com.twsrobot.maintenance.console;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The filter in front of every route. A request is checked in this order: Host, path shape, query,
 * the access-token login, access ({@link Credentials}), then for a state change the {@link CsrfRules};
 * only then does it reach its route. Mounted in a host's servlet container, the host's login replaces
 * the access token and the Host check (the host's server owns its names). A program may instead send
 * one of the {@link ApiTokens} as a bearer token: it grants access and, as no browser sends it by
 * itself, stands in for the CSRF rules.
 *
 * <p>It also says who a request is from for the per-client cap ({@link #clientKey}): the API token's
 * label, the host's user, the browser session ({@link SessionCookies}); failing those, the address and
 * the route's {@link RouteSpec.Share}, so a script flooding {@code /metrics} fills only its own share.
 */
final class ConsoleSecurity {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TOKEN_COOKIE = "tws_console_token";
    static final String SESSION_COOKIE = "tws_console_session";
    /** The page that takes {@code ?token=} and answers with the access-token cookie. */
    private static final String LOGIN_PATH = "/maintenance";

    private final Credentials credentials;
    private final CsrfRules csrf;
    private final SessionCookies sessions;
    private final Set<String> allowedHosts;
    private final boolean loopback;

    ConsoleSecurity(Optional<String> accessToken, Set<String> allowedHosts, boolean loopback, ApiTokens apiTokens) {
        this(new Credentials(accessToken, false, apiTokens), allowedHosts, loopback);
    }

    private ConsoleSecurity(Credentials credentials, Set<String> allowedHosts, boolean loopback) {
        SecureRandom random = new SecureRandom();
        this.credentials = credentials;
        this.csrf = new CsrfRules(random);
        this.sessions = new SessionCookies(random);
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.loopback = loopback;
    }

    /** Security for a console inside a host's server: every request needs the host's user, or an API token. */
    static ConsoleSecurity hostLogin(ApiTokens apiTokens) {
        return new ConsoleSecurity(new Credentials(Optional.empty(), true, apiTokens), Set.of(), false);
    }

    String csrfToken() {
        return csrf.token();
    }

    Optional<String> apiTokenLabel(ConsoleRequest request) {
        return credentials.apiTokenLabel(request);
    }

    /**
     * The query of a request that may go on to its route, or the answer instead: a refusal, or the
     * token login's redirect.
     */
    Outcome<Query> admit(ConsoleRequest request, RouteSpec.Access access) {
        if (!hostAllowed(request)) {
            return Outcome.refuse(403, "this console does not answer to Host '" + request.header("Host") + "'");
        }
        String path = request.path();
        if (path == null || path.contains("%") || path.contains("..") || path.contains("//") || path.contains("\\")) {
            return Outcome.refuse(404, "not found");
        }
        return Query.parse(request.rawQuery()).then(query -> admit(request, access, query));
    }

    private Outcome<Query> admit(ConsoleRequest request, RouteSpec.Access access, Query query) {
        if (request.method().equals("GET") && LOGIN_PATH.equals(request.path()) && query.get("token").isPresent()
                && !credentials.usesHostLogin()) {
            return Outcome.answer(logIn(request, query.get("token").get()));
        }
        if (credentials.unknownBearer(request)) {
            return Outcome.refuse(401, "the bearer token is not one of this console's API tokens"
                    + (credentials.requiresAccessToken() ? " nor its access token" : ""));
        }
        if (!credentials.accessGranted(request)) {
            return Outcome.refuse(401, credentials.usesHostLogin() ? "sign in to " + request.base() + " first"
                    : "this console needs its access token: open /maintenance?token=... once, "
                    + "or send 'Authorization: Bearer <token>'");
        }
        if (access == RouteSpec.Access.SIGNED_IN_SAME_ORIGIN && apiTokenLabel(request).isEmpty()) {
            Optional<String> problem = csrf.problem(request);
            if (problem.isPresent()) {
                return Outcome.refuse(403, "refused: " + problem.get());
            }
        }
        return Outcome.of(query);
    }

    private ConsoleResponse logIn(ConsoleRequest request, String token) {
        if (!credentials.accessTokenMatches(token)) {
            return Answers.error(401, "wrong access token");
        }
        return Answers.redirect(request.base() + LOGIN_PATH, Map.of("Set-Cookie", TOKEN_COOKIE + "=" + token
                + "; Path=/; HttpOnly; SameSite=Strict"));
    }

    /** The Host header names this console (so a rebound DNS name cannot reach a loopback console). */
    private boolean hostAllowed(ConsoleRequest request) {
        String host = request.header("Host");
        return host != null && (!loopback || allowedHosts.contains(host.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whom the per-client cap counts the request against: {@code token:LABEL}, {@code user:NAME},
     * {@code session:ID}, or else {@code address:IP:SHARE} with the share of the route asked for.
     */
    String clientKey(ConsoleRequest request, RouteSpec.Share share) {
        Optional<String> label = apiTokenLabel(request);
        if (label.isPresent()) {
            return "token:" + label.get();
        }
        if (credentials.usesHostLogin() && request.user().isPresent()) {
            return "user:" + request.user().get();
        }
        return sessions.session(request).map(s -> "session:" + s)
                .orElseGet(() -> "address:" + request.client().getHostAddress() + ":" + share.wireName());
    }

    /**
     * A route's answer, with a new session cookie for a client that has none (not a program with an API
     * token, whose label is its share, nor under the host's login, where the user is), so the dashboard
     * has its own share of the per-client cap from its first request (and again after a restart).
     */
    ConsoleResponse withSession(ConsoleRequest request, ConsoleResponse response) {
        if (credentials.usesHostLogin() || apiTokenLabel(request).isPresent() || sessions.session(request).isPresent()) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.putIfAbsent("Set-Cookie", sessions.newCookie(request.base()));
        return new ConsoleResponse(response.status(), headers, response.body());
    }
}
