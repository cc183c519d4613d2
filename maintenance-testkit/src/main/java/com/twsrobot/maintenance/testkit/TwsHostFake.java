package com.twsrobot.maintenance.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for TWS Robot's web API (login with its CSRF token, the session cookie, the
 * market-events refresh, sync log and upcoming list, logout) that answers with the 82 exchanges
 * recorded from the host's own code ({@code host-api/}, see its README): every answer is a recorded
 * one, byte for byte (status, Content-Type, Set-Cookie, Location, body), picked the way the host
 * would. A refresh is replayed poll by poll: after a {@code POST /api/market-events/refresh}, each
 * {@code GET /api/market-events/sync-log} answers the next recorded poll, so a client sees provider
 * rows appear and the summary change exactly as the host showed them, without waiting for real time.
 *
 * <p>The fake checks what the host checks: the session cookie must be the latest one it set, a POST
 * must carry the recorded CSRF token ({@code X-CSRFToken} or {@code X-CSRF-Token}; the login form's
 * {@code csrf_token}), the login must be {@link #USERNAME} / {@link #PASSWORD}. Once the scripted
 * refreshes are used up, a refresh is answered {@code refresh_started} and dropped, as the host drops
 * one sent while another runs. Every request is kept for tests to inspect ({@link #requests()}).
 */
public final class TwsHostFake implements AutoCloseable {

    /** The user the recordings logged in as. */
    public static final String USERNAME = "admin";
    /** That user's password in the recordings. */
    public static final String PASSWORD = "fixture-pass-123";

    private static final String DIR = "host-api/";

    /**
     * One recorded refresh: what the sync log showed before the POST, the POST's answer and the polls
     * that followed, in order (the last repeats).
     */
    public enum Refresh {
        /** The first refresh of the host process: 9 providers, all {@code success} (exchanges 15–26). */
        FIRST("15_sync_log_before_any_refresh", "16_post_refresh_ok", range("refresh1_sync_log_poll", 17, 26)),
        /** yfinance EARNINGS raising (exchanges 30–38): the summary turns {@code partial_failure}. */
        EARNINGS_FAILS("26_refresh1_sync_log_poll10", "30_post_refresh_earnings_fails",
                range("refresh2_fail_sync_log_poll", 31, 38)),
        /** The SEC enrichment provider raising (exchanges 39–49). */
        SEC_FAILS("38_refresh2_fail_sync_log_poll08", "39_post_refresh_sec_enrichment_fails",
                range("refresh3_secfail_sync_log_poll", 40, 49)),
        /**
         * A refresh for 28 days already running (another client's POST, exchange 50) when this client
         * asks for 7 days (exchange 51): the host answers {@code refresh_started} and drops it; the
         * summary that appears is the 28-day one (exchanges 52–66).
         */
        BACK_TO_BACK("52_b2b_sync_log_poll01", "51_b2b_second_post_refresh_days7", range("b2b_sync_log_poll", 53, 65)),
        /** A refresh made with the login page's token (exchanges 67–77). */
        PRELOGIN_TOKEN("66_b2b_sync_log_after_settle", "67_post_refresh_with_prelogin_token",
                range("refresh5_sync_log_poll", 68, 77));

        private final String before;
        private final String post;
        private final List<String> polls;

        Refresh(String before, String post, List<String> polls) {
            this.before = before;
            this.post = post;
            this.polls = polls;
        }

        /** The recorded exchange whose answer holds this refresh's final summary. */
        public String finalPoll() {
            return polls.get(polls.size() - 1);
        }

        private static List<String> range(String stem, int from, int to) {
            List<String> names = new ArrayList<>();
            for (int n = from, poll = 1; n <= to; n++, poll++) {
                // the b2b polls count from 02 (poll 01 is the "before" answer)
                int label = stem.startsWith("b2b") ? poll + 1 : poll;
                names.add(String.format("%02d_%s%02d", n, stem, label));
            }
            return List.copyOf(names);
        }
    }

    /** A request as the fake received it. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** {@code "POST /api/market-events/refresh?days=28"}. */
        public String line() {
            return method + " " + path;
        }

        /** A header's value (names compared without case), or "". */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse("");
        }
    }

    /** A recorded HTTP message: start line, headers in order, body. */
    public record Recorded(String startLine, List<String[]> headers, byte[] body) {
        public String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse("");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }
    }

    private final HttpServer server;
    private final List<Refresh> refreshes;
    private final List<Request> requests = new ArrayList<>();
    private final String token;
    private int refreshIndex;
    /** Polls of the current refresh served so far; -1 before its POST. */
    private int pollIndex = -1;
    private String lastSyncLog;
    private String sessionCookie = "";
    private boolean loggedIn;
    private boolean refuseCsrf;
    private boolean htmlForApi;
    private int expiries;

    private TwsHostFake(HttpServer server, List<Refresh> refreshes) {
        this.server = server;
        this.refreshes = List.copyOf(refreshes);
        this.token = csrfToken(recorded("01_get_auth_login", "response").text());
        this.lastSyncLog = refreshes.isEmpty() ? "15_sync_log_before_any_refresh" : refreshes.get(0).before;
    }

    /**
     * A fake host on 127.0.0.1 (a free port) that replays {@code refreshes} in turn, one per refresh
     * POST; close it when done.
     */
    public static TwsHostFake start(Refresh... refreshes) {
        return LoopbackHttp.start("tws-host-fake", http -> new TwsHostFake(http, Arrays.asList(refreshes)),
                fake -> fake::handle);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40197}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every POST to the API is refused as the host refuses a bad token (exchange 14: 400, "The CSRF token is invalid."). */
    public synchronized TwsHostFake refuseCsrf() {
        this.refuseCsrf = true;
        return this;
    }

    /** Every API GET answers the dashboard's HTML (exchange 12), as a proxy or a wrong URL would. */
    public synchronized TwsHostFake answerHtmlForApi() {
        this.htmlForApi = true;
        return this;
    }

    /**
     * The next {@code times} API requests find the session gone (exchange 04: 401 JSON), as after the
     * host restarted with a new secret key; {@link Integer#MAX_VALUE} for every one.
     */
    public synchronized TwsHostFake expireSessions(int times) {
        this.expiries = times;
        return this;
    }

    /** The requests received so far, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests used {@code method} on a path starting with {@code prefix}. */
    public synchronized long count(String method, String prefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(prefix)).count();
    }

    /** Whether a session is logged in now (false after a logout). */
    public synchronized boolean loggedIn() {
        return loggedIn;
    }

    /** The CSRF token the recordings carry (the login page's hidden field). */
    public String token() {
        return token;
    }

    /**
     * One recorded message from {@code host-api/}.
     *
     * @param exchange e.g. {@code "26_refresh1_sync_log_poll10"}
     * @param part     {@code "request"} or {@code "response"}
     */
    public static Recorded recorded(String exchange, String part) {
        byte[] bytes = Fixtures.resource(DIR + exchange + "." + part + ".http");
        int split = indexOf(bytes, "\n\n".getBytes(StandardCharsets.UTF_8));
        String head = new String(bytes, 0, split, StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOfRange(bytes, split + 2, bytes.length);
        String[] lines = head.split("\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
        }
        return new Recorded(lines[0], List.copyOf(headers), body);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            Request request = new Request(method, query == null ? path : path + "?" + query, Map.copyOf(headers), body);
            String answer;
            synchronized (this) {
                requests.add(request);
                answer = answer(request, path);
            }
            if (answer == null) {
                byte[] text = ("not part of the recorded API: " + method + " " + path).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            send(exchange, recorded(answer, "response"));
        }
    }

    /** The recorded exchange whose answer the host would give, or null for a path it does not have. */
    private String answer(Request request, String path) {
        boolean post = request.method().equals("POST");
        if (path.equals("/auth/login")) {
            return post ? login(request) : loggedIn && sessionSent(request) ? "11_get_auth_login_when_logged_in"
                    : "01_get_auth_login";
        }
        if (path.equals("/auth/logout") && post) {
            loggedIn = false;
            return "81_post_logout";
        }
        if (!path.startsWith("/api/market-events/")) {
            return null;
        }
        if (post) {
            // CSRF is checked before the login guard, as the host does.
            String sent = request.header("X-CSRFToken").isEmpty() ? request.header("X-CSRF-Token")
                    : request.header("X-CSRFToken");
            if (sent.isEmpty()) {
                return sessionValid(request) ? "13_post_refresh_without_csrf" : "06_api_post_unauthenticated_no_csrf";
            }
            if (refuseCsrf || !sent.equals(token)) {
                return "14_post_refresh_bad_csrf";
            }
            if (!sessionValid(request)) {
                return "07_api_post_unauthenticated_with_csrf";
            }
            return path.equals("/api/market-events/refresh") ? refresh() : null;
        }
        if (htmlForApi) {
            return "12_get_dashboard_logged_in";
        }
        if (!sessionValid(request)) {
            return "04_api_get_unauthenticated";
        }
        return switch (path) {
            case "/api/market-events/sync-log" -> syncLog();
            case "/api/market-events/upcoming" -> "27_get_upcoming_days28";
            default -> null;
        };
    }

    private String login(Request request) {
        Map<String, String> form = form(request.body());
        if (!sessionSent(request) || !token.equals(form.get("csrf_token"))) {
            return "08_post_login_without_csrf_token";
        }
        if (!USERNAME.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
            return "09_post_login_wrong_password";
        }
        loggedIn = true;
        return "10_post_login_ok";
    }

    private String refresh() {
        if (refreshIndex >= refreshes.size() || pollIndex >= 0) {
            // Nothing scripted (or one still replaying): the host answers as always and drops it.
            return refreshes.isEmpty() ? "16_post_refresh_ok" : refreshes.get(Math.min(refreshIndex,
                    refreshes.size() - 1)).post;
        }
        pollIndex = 0;
        return refreshes.get(refreshIndex).post;
    }

    private String syncLog() {
        if (pollIndex < 0) {
            return lastSyncLog;
        }
        Refresh current = refreshes.get(refreshIndex);
        String poll = current.polls.get(pollIndex);
        lastSyncLog = poll;
        pollIndex++;
        if (pollIndex == current.polls.size()) { // replayed to its summary: the host is idle again
            pollIndex = -1;
            refreshIndex++;
        }
        return poll;
    }

    private boolean sessionSent(Request request) {
        return !sessionCookie.isEmpty() && cookies(request.header("Cookie")).getOrDefault("session", "").equals(sessionCookie);
    }

    private boolean sessionValid(Request request) {
        if (expiries > 0 && loggedIn) {
            if (expiries != Integer.MAX_VALUE) {
                expiries--;
            }
            loggedIn = false;
            return false;
        }
        return loggedIn && sessionSent(request);
    }

    private void send(HttpExchange exchange, Recorded r) throws IOException {
        for (String name : List.of("Content-Type", "Location", "Set-Cookie")) {
            String value = r.header(name);
            if (!value.isEmpty()) {
                exchange.getResponseHeaders().add(name, value);
                if (name.equals("Set-Cookie") && value.startsWith("session=")) {
                    synchronized (this) {
                        sessionCookie = value.substring("session=".length(), value.indexOf(';'));
                    }
                }
            }
        }
        exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        exchange.getResponseBody().write(r.body());
    }

    private static String csrfToken(String loginPage) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"")
                .matcher(loginPage);
        if (!m.find()) {
            throw new IllegalStateException("the recorded login page has no csrf_token field");
        }
        return m.group(1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> cookies(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("a recorded message without a blank line after its head");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
