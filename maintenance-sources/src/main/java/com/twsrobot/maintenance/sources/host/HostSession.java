package com.twsrobot.maintenance.sources.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.api.http.HttpAnswer;
import com.twsrobot.maintenance.api.http.HttpFailure;
import com.twsrobot.maintenance.api.http.HttpStack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in session with the host's web app, as its own web client keeps one: {@code GET
 * /auth/login} for the session cookie and the {@code csrf_token} form field, {@code POST /auth/login}
 * with the form, then every request with the latest session cookie and every POST with
 * {@code X-CSRFToken}. Each request is bounded by the caller's deadline and the body by the runner's
 * body cap, sent through the {@link HttpStack} without retries (a login form is not sent twice); redirects
 * are not followed (a login answers 302). A 401 logs in once
 * more and tries again once. Every failure is a {@link HostApiException} naming what the host did.
 */
final class HostSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final Pattern ERROR_MSG = Pattern.compile("class=\"error-msg\">([^<]*)<");
    private static final Pattern PARAGRAPH = Pattern.compile("<p>([^<]*)</p>");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private final String base;
    private final String username;
    private final Path passwordFile;
    private final HttpStack stack;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String token;
    private boolean loggedIn;

    HostSession(URI url, String username, Path passwordFile, HttpSettings http) {
        String u = url.toString();
        this.base = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.username = username;
        this.passwordFile = passwordFile;
        // Direct, not through http.proxy: the host is the operator's own machine or network, not the internet.
        this.stack = HttpStack.of(http).direct();
    }

    String base() {
        return base;
    }

    boolean loggedIn() {
        return loggedIn;
    }

    /** Logs in afresh: a new session cookie and token from the login page, then the login form. */
    void login(Deadline deadline) throws HostApiException {
        String password = HostPasswordFile.read(passwordFile);
        cookies.clear();
        token = null;
        loggedIn = false;
        HttpAnswer page = send("GET", "/auth/login", null, false, deadline);
        if (page.status() != 200) {
            throw new HostApiException("the host's login page " + base + "/auth/login answered HTTP " + page.status()
                    + describeBody(page) + "; is host.url the TWS Robot web app?");
        }
        Matcher m = TOKEN.matcher(page.text());
        if (!m.find()) {
            throw new HostApiException("the host's login page " + base + "/auth/login has no csrf_token field"
                    + describeBody(page) + "; is host.url the TWS Robot web app?");
        }
        token = m.group(1);
        String form = "csrf_token=" + encode(token) + "&username=" + encode(username) + "&password=" + encode(password);
        HttpAnswer answer = send("POST", "/auth/login", form, false, deadline);
        int status = answer.status();
        String location = answer.headers().firstValue("Location").orElse("");
        if (status >= 300 && status < 400 && !location.contains("/auth/login")) {
            loggedIn = true;
            return;
        }
        if (status == 200) {
            // The host answers a wrong user or password with its login page again, not with 401.
            Matcher why = ERROR_MSG.matcher(answer.text());
            throw new HostApiException("the host refused the login for user " + username
                    + (why.find() ? " (" + why.group(1).strip() + ")" : "")
                    + "; check host.username and the password in host.password_file " + passwordFile);
        }
        if (isCsrfRefusal(answer)) {
            throw csrfRefused("POST /auth/login", answer);
        }
        throw new HostApiException("the host answered HTTP " + status + " to the login for user " + username
                + describeBody(answer));
    }

    /**
     * One API call's JSON answer, logging in first if needed; a 401 (the session expired) logs in once
     * more and tries once again.
     */
    JsonNode api(String method, String path, Deadline deadline) throws HostApiException {
        if (!loggedIn) {
            login(deadline);
        }
        for (int attempt = 1; ; attempt++) {
            HttpAnswer answer = send(method, path, null, method.equals("POST"), deadline);
            if (answer.status() == 401) {
                if (attempt == 1) {
                    login(deadline);
                    continue;
                }
                loggedIn = false;
                throw new HostApiException("the host answered 401 (" + errorOf(answer) + ") to " + method + " " + path
                        + " again right after logging in once more as " + username + "; its sessions do not last (check "
                        + "that the host keeps one SECRET_KEY and that host.url reaches a single instance of it)");
            }
            if (isCsrfRefusal(answer)) {
                throw csrfRefused(method + " " + path, answer);
            }
            if (answer.status() != 200) {
                throw new HostApiException("the host answered HTTP " + answer.status() + " to " + method + " " + path
                        + describeBody(answer));
            }
            return json(answer, method + " " + path);
        }
    }

    /** Ends the session on the host (best effort: the session cookie is forgotten either way). */
    void logout(Deadline deadline) {
        if (loggedIn && token != null) {
            try {
                send("POST", "/auth/logout", "csrf_token=" + encode(token), false, deadline);
            } catch (HostApiException e) {
                // the session expires with the host's cookie anyway; nothing was at stake
            }
        }
        loggedIn = false;
        cookies.clear();
    }

    private HttpAnswer send(String method, String path, String form, boolean csrfHeader,
                                    Deadline deadline) throws HostApiException {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json, text/html;q=0.5");
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList()));
        }
        if (method.equals("POST")) {
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded");
            }
            if (csrfHeader && token != null) {
                request.header("X-CSRFToken", token);
            }
            request.POST(form == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        HttpAnswer answer;
        try {
            answer = stack.sendOnce(request, deadline);
        } catch (HttpFailure e) {
            throw new HostApiException(e.kind() == HttpFailure.Kind.INTERRUPTED
                    ? "interrupted while waiting for the host at " + base
                    : "cannot reach the host at " + base + " (" + method + " " + path + "): " + e.getMessage());
        }
        // Keep the latest value of every cookie: the host sets a new session at login and on other answers.
        for (String header : answer.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return answer;
    }

    private JsonNode json(HttpAnswer answer, String what) throws HostApiException {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).contains("json")) {
            throw new HostApiException("the host answered " + (type.isEmpty() ? "without a Content-Type"
                    : type.split(";")[0].strip()) + " where JSON was expected (" + what + ", HTTP " + answer.status()
                    + describeBody(answer) + "); is host.url the TWS Robot web app, with nothing in between that "
                    + "answers for it?");
        }
        try {
            return JSON.readTree(answer.text());
        } catch (JsonProcessingException e) {
            throw new HostApiException("the host's answer to " + what + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static boolean isCsrfRefusal(HttpAnswer answer) {
        return answer.status() == 400 && answer.text().contains("CSRF token");
    }

    private HostApiException csrfRefused(String what, HttpAnswer answer) {
        Matcher p = PARAGRAPH.matcher(answer.text());
        return new HostApiException("the host refused the CSRF token of " + what + " (HTTP 400: "
                + (p.find() ? p.group(1).strip() : "CSRF token refused") + "); the token comes from its login page "
                + base + "/auth/login; a token expires after the host's WTF_CSRF_TIME_LIMIT, and over HTTPS the host "
                + "also checks the Referer");
    }

    /** The {@code error} of a JSON answer, or its first line. */
    private static String errorOf(HttpAnswer answer) {
        try {
            String error = JSON.readTree(answer.text()).path("error").asText("");
            return error.isEmpty() ? answer.firstLine() : error;
        } catch (JsonProcessingException e) {
            return answer.firstLine();
        }
    }

    /** ": 'page title'" or ": 'first line'" for messages, or "" for an empty body. */
    private static String describeBody(HttpAnswer answer) {
        Matcher title = TITLE.matcher(answer.text());
        if (title.find() && !title.group(1).isBlank()) {
            return ": page '" + title.group(1).strip() + "'";
        }
        String line = answer.firstLine();
        return line.isEmpty() ? "" : ": '" + line + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
