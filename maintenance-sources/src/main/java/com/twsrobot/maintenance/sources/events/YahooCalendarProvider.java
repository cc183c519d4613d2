package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.api.http.HttpAnswer;
import com.twsrobot.maintenance.api.http.HttpFailure;
import com.twsrobot.maintenance.api.http.HttpStack;
import com.twsrobot.maintenance.api.http.TryHistory;
import com.twsrobot.maintenance.api.http.RetryPolicy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Earnings and ex-dividend dates per symbol from Yahoo Finance's quoteSummary {@code calendarEvents}
 * module (URL keys {@code yahoo} and {@code yahoo-cookie}). It first gets a cookie and a crumb; a 401
 * "Invalid Crumb" gets a fresh pair and one retry. "Quote not found" is a per-symbol warning, not a
 * failure. Requests run with bounded concurrency and an optional rate limit, from the runner's provider
 * options ({@value #CONCURRENCY}, default 16; {@value #REQUESTS_PER_SECOND}, default no limit); 429 and
 * 5xx are retried with backoff and {@code Retry-After} by the {@link HttpStack}.
 */
public final class YahooCalendarProvider implements EventProvider {

    public static final String NAME = "yahoo_calendar";
    public static final String BASE_URL = "https://query2.finance.yahoo.com";
    public static final String COOKIE_URL = "https://fc.yahoo.com";
    /** Built on the first answer read, not when the provider is found: a run without events never needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final int ATTEMPTS = 3;
    private static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The longest {@code Retry-After} a throttled answer may ask for before the symbol gives up. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(15);

    /**
     * @param concurrency       requests in flight at once
     * @param requestsPerSecond 0 for no limit
     * @param timeout           per request
     * @param backoff           first wait before a retry; doubles
     */
    public record Settings(int concurrency, double requestsPerSecond, Duration timeout, Duration backoff) {

        /** The settings a request's provider options give (defaults: 16 at once, no rate limit). */
        static Settings of(java.util.Map<String, String> options) throws ProviderException {
            return new Settings((int) number(options, CONCURRENCY, 16, 1, 256, true),
                    number(options, REQUESTS_PER_SECOND, 0, 0, 10_000, false), Duration.ofSeconds(15), Duration.ofMillis(500));
        }

        private static double number(java.util.Map<String, String> options, String key, double fallback, double min,
                                     double max, boolean whole) throws ProviderException {
            String value = options.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                double n = whole ? Integer.parseInt(value.trim()) : Double.parseDouble(value.trim());
                if (Double.isFinite(n) && n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new ProviderException("yahoo: the provider option " + key + " must be a " + (whole ? "whole " : "")
                    + "number from " + (long) min + " to " + (long) max + ", got '" + value + "'");
        }
    }

    /** Provider option: requests in flight at once (1 to 256, default 16). */
    public static final String CONCURRENCY = "yahoo.concurrency";
    /** Provider option: the most requests a second (0, the default, for no limit). */
    public static final String REQUESTS_PER_SECOND = "yahoo.requests_per_second";

    /** Fixed settings, or null to take them from each request's provider options. */
    private final Settings fixed;

    public YahooCalendarProvider() {
        this.fixed = null;
    }

    public YahooCalendarProvider(Settings settings) {
        this.fixed = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> urlKeys() {
        return Set.of("yahoo", "yahoo-cookie");
    }

    @Override
    public String source() {
        return HostEvents.SOURCE_YFINANCE;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.EARNINGS, EventType.DIVIDEND);
    }

    @Override
    public boolean perSymbol() {
        return true;
    }

    @Override
    public ProviderFetch fetch(EventsRequest request) throws ProviderException {
        if (request.symbols().isEmpty()) {
            return ProviderFetch.of(List.of());
        }
        Settings settings = fixed != null ? fixed : Settings.of(request.options());
        Session session = new Session(request, settings);
        session.refreshCrumb();
        List<MarketEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<String> covered = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(),
                request.symbols().size())), r -> {
            Thread t = new Thread(r, "yahoo-calendar");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String symbol : request.symbols()) {
                futures.add(pool.submit(() -> {
                    try {
                        YahooCalendarParser.Parsed parsed = session.symbol(symbol);
                        events.addAll(parsed.events());
                        warnings.addAll(parsed.warnings());
                        if (parsed.warnings().isEmpty()) {
                            covered.add(symbol); // an answer we could not fully read is not "no events": keep its rows
                        }
                    } catch (NotFound e) {
                        warnings.add(e.getMessage());
                    } catch (IOException | RuntimeException e) {
                        errors.add(symbol + ": " + CauseFormatter.describe(e));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        errors.add(symbol + ": interrupted");
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("yahoo: interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ProviderException("yahoo: " + CauseFormatter.describe(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (covered.isEmpty() && warnings.isEmpty()) {
            throw new ProviderException("yahoo: every symbol failed: " + String.join("; ", errors));
        }
        return new ProviderFetch(events, covered, warnings, errors);
    }

    /** A symbol Yahoo does not know. */
    private static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** One provider run: a cookie jar, the current crumb, the rate limiter. */
    private static final class Session {
        private final EventsRequest request;
        private final HttpStack stack;
        private final RetryPolicy retry;
        private final RateLimiter limiter;
        private final AtomicReference<String> crumb = new AtomicReference<>();
        private final String base;
        private final Deadline deadline;

        Session(EventsRequest request, Settings settings) {
            this.request = request;
            this.limiter = new RateLimiter(settings.requestsPerSecond());
            // From the request's instant, measured on the monotonic timer: the request carries no clock.
            this.deadline = Deadline.elapsing(request.timeout(), request.now());
            // An override may end in "/": the paths below start with one, so it is dropped (no "//v1/...").
            this.base = request.urlFor("yahoo", BASE_URL).replaceAll("/+$", "");
            // The runner's User-Agent and proxy; the provider's own timeout per request and its 4 MiB cap.
            this.stack = HttpStack.of(request.http().withTimeouts(settings.timeout(), settings.timeout())
                    .withMaxBodyBytes(MAX_BODY_BYTES)).withCookies(new CookieManager());
            this.retry = RetryPolicy.of(ATTEMPTS, settings.backoff(), MAX_RETRY_AFTER);
        }

        synchronized void refreshCrumb() throws ProviderException {
            String cookieUrl = request.urlFor("yahoo-cookie", COOKIE_URL);
            List<String> tried;
            try {
                stack.send(get(cookieUrl), deadline, retry); // sets the session cookie; its status does not matter
                // A rate-limited crumb endpoint may answer "Too Many Requests" with 200 where the crumb should be.
                HttpStack.Exchange answer = stack.send(get(base + "/v1/test/getcrumb"), deadline,
                        retry.withDisguised(a -> a.status() == 200 && !isCrumb(a.text().trim())));
                String token = answer.answer().text().trim();
                if (answer.answer().status() == 200 && isCrumb(token)) {
                    crumb.set(token);
                    return;
                }
                tried = answer.history();
            } catch (HttpFailure e) {
                if (e.kind() == HttpFailure.Kind.INTERRUPTED) {
                    throw new ProviderException("yahoo: interrupted while getting a crumb");
                }
                tried = e.history();
            }
            throw new ProviderException("yahoo: could not get a cookie and crumb from " + cookieUrl + " and " + base
                    + "/v1/test/getcrumb: " + String.join("; ", TryHistory.collapsed(tried)));
        }

        private static boolean isCrumb(String token) {
            return !token.isEmpty() && token.length() <= 64 && token.chars().noneMatch(Character::isWhitespace);
        }

        YahooCalendarParser.Parsed symbol(String symbol) throws IOException, InterruptedException, NotFound {
            String url = base + "/v10/finance/quoteSummary/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                    + "?modules=calendarEvents";
            boolean crumbRefreshed = false;
            while (true) {
                limiter.acquire();
                HttpStack.Exchange exchange = stack.send(get(url + "&crumb="
                        + URLEncoder.encode(crumb.get(), StandardCharsets.UTF_8)), deadline, retry);
                HttpAnswer answer = exchange.answer();
                int status = answer.status();
                if (status == 200) {
                    JsonNode root = readTree(answer.text());
                    JsonNode calendar = root.path("quoteSummary").path("result").path(0).path("calendarEvents");
                    if (calendar.isMissingNode()) {
                        throw new IOException("the answer for " + symbol + " has no calendarEvents (expected Yahoo's "
                                + "quoteSummary calendar module)");
                    }
                    return YahooCalendarParser.events(symbol, calendar, request, url);
                }
                if (status == 404) {
                    // Named by the symbol as requested: Yahoo's text may name another, or none.
                    throw new NotFound(symbol + ": Yahoo has no calendar for it (HTTP 404: "
                            + describeError(answer.text(), "no description") + ")");
                }
                if (status == 401 && !crumbRefreshed) {
                    crumbRefreshed = true; // a fresh crumb earns one more try
                    try {
                        refreshCrumb();
                    } catch (ProviderException e) {
                        throw new IOException(e.getMessage());
                    }
                    continue;
                }
                throw new IOException("HTTP " + status + " " + abbreviate(answer.text().trim()) + " after "
                        + exchange.tries() + (exchange.tries() == 1 ? " try" : " tries"));
            }
        }

        /** The JSON tree, read through a {@link DeadlineReader} so the parse too ends at the deadline. */
        private JsonNode readTree(String text) throws IOException {
            try {
                return Json.MAPPER.readTree(com.twsrobot.maintenance.sources.DeadlineReader.of(text, deadline));
            } catch (com.twsrobot.maintenance.sources.HtmlTable.ParseInterrupted e) {
                throw new IOException(e.getMessage());
            }
        }

        /** A GET of JSON or text; the stack adds the timeout, the User-Agent, the deadline and the cap. */
        private static HttpRequest.Builder get(String url) {
            return HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json,text/plain,*/*");
        }
    }

    private static String describeError(String body, String fallback) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            for (String top : List.of("quoteSummary", "finance")) {
                String text = root.path(top).path("error").path("description").asText("");
                if (!text.isEmpty()) {
                    return text;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall back
        }
        return fallback;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
