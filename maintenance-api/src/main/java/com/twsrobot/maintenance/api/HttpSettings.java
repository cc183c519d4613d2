package com.twsrobot.maintenance.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * How a runner's sources and providers reach the network: one set per runner (the builder's
 * {@code http(...)}, the configuration's {@code http.*} keys), handed to each fetch through
 * {@link SourceContext#http()}, {@link com.twsrobot.maintenance.api.events.EventsRequest#http()} and
 * {@link TaskContext#http()}, so two runners in one JVM can differ and no JVM-wide property is read.
 * Concurrency and rate limits of a provider that makes many requests are its provider options
 * (e.g. {@code yahoo.concurrency}, {@code yahoo.requests_per_second}).
 *
 * @param connectTimeout  the longest wait for a connection
 * @param requestTimeout  the longest wait for a response's headers, per request
 * @param attemptsPerUrl  tries per URL (retries on I/O errors and throttling) before the next URL
 * @param userAgent       the {@code User-Agent} header sent
 * @param proxy           an HTTP proxy as {@code host:port}; null to connect directly
 * @param maxBodyBytes    larger response bodies are refused
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int attemptsPerUrl, String userAgent,
                           String proxy, long maxBodyBytes) {

    /** A desktop browser's User-Agent with the library's name: some publishers refuse unnamed clients. */
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36 tws-maintenance/0.1";

    /** 10 s to connect, 20 s per response, 3 tries per URL, no proxy, bodies up to 8 MiB. */
    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), 3,
            DEFAULT_USER_AGENT, null, 8L * 1024 * 1024);

    /**
     * Checks every value.
     *
     * @param connectTimeout the longest wait for a connection
     * @param requestTimeout the longest wait for a response's headers
     * @param attemptsPerUrl tries per URL
     * @param userAgent the User-Agent header
     * @param proxy {@code host:port}, or null
     * @param maxBodyBytes the largest body accepted
     * @throws ConfigurationException when a timeout is not positive, attempts or the body limit is below
     *                                1, the user agent is blank, or the proxy is not {@code host:port}
     */
    public HttpSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigurationException("http timeouts must be positive, got connect " + connectTimeout
                    + ", request " + requestTimeout);
        }
        if (attemptsPerUrl < 1 || maxBodyBytes < 1) {
            throw new ConfigurationException("http.attempts and http.max_body_bytes must be at least 1, got "
                    + attemptsPerUrl + " and " + maxBodyBytes);
        }
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20)) {
            throw new ConfigurationException("http.user_agent must be one non-blank line");
        }
        if (proxy != null && !proxy.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
            throw new ConfigurationException("http.proxy '" + proxy + "' is not host:port (e.g. proxy.example.com:3128)");
        }
    }

    /**
     * Equal settings: every component equal. Written out, as {@link #hashCode()} is, because a record's
     * own are linked through method handles on their first call, which every short process paid when a
     * source first looked up its fetcher for these settings.
     *
     * @param other the object to compare
     * @return whether {@code other} holds the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpSettings s && attemptsPerUrl == s.attemptsPerUrl && maxBodyBytes == s.maxBodyBytes
                && connectTimeout.equals(s.connectTimeout) && requestTimeout.equals(s.requestTimeout)
                && userAgent.equals(s.userAgent) && java.util.Objects.equals(proxy, s.proxy);
    }

    /**
     * A hash of every component (see {@link #equals(Object)}).
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        int h = connectTimeout.hashCode();
        h = 31 * h + requestTimeout.hashCode();
        h = 31 * h + attemptsPerUrl;
        h = 31 * h + userAgent.hashCode();
        h = 31 * h + java.util.Objects.hashCode(proxy);
        return 31 * h + Long.hashCode(maxBodyBytes);
    }

    /**
     * The proxy's address, unresolved (resolved when a connection is made).
     *
     * @return the proxy, or empty to connect directly
     */
    public Optional<InetSocketAddress> proxyAddress() {
        if (proxy == null) {
            return Optional.empty();
        }
        int colon = proxy.lastIndexOf(':');
        return Optional.of(InetSocketAddress.createUnresolved(proxy.substring(0, colon),
                Integer.parseInt(proxy.substring(colon + 1))));
    }

    /**
     * These settings with other timeouts.
     *
     * @param connect the connection timeout
     * @param request the per-response timeout
     * @return new settings
     * @throws ConfigurationException when a timeout is not positive
     */
    public HttpSettings withTimeouts(Duration connect, Duration request) {
        return new HttpSettings(connect, request, attemptsPerUrl, userAgent, proxy, maxBodyBytes);
    }

    /**
     * These settings with another User-Agent.
     *
     * @param value the header's value
     * @return new settings
     * @throws ConfigurationException when it is blank or not one line
     */
    public HttpSettings withUserAgent(String value) {
        return new HttpSettings(connectTimeout, requestTimeout, attemptsPerUrl, value, proxy, maxBodyBytes);
    }

    /**
     * These settings through a proxy.
     *
     * @param hostAndPort {@code host:port}, or null to connect directly
     * @return new settings
     * @throws ConfigurationException when it is not {@code host:port}
     */
    public HttpSettings withProxy(String hostAndPort) {
        return new HttpSettings(connectTimeout, requestTimeout, attemptsPerUrl, userAgent, hostAndPort, maxBodyBytes);
    }

    /**
     * These settings with another number of tries per URL.
     *
     * @param attempts tries per URL, at least 1
     * @return new settings
     * @throws ConfigurationException when below 1
     */
    public HttpSettings withAttemptsPerUrl(int attempts) {
        return new HttpSettings(connectTimeout, requestTimeout, attempts, userAgent, proxy, maxBodyBytes);
    }

    /**
     * These settings with another body limit.
     *
     * @param bytes the largest body accepted
     * @return new settings
     * @throws ConfigurationException when below 1
     */
    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(connectTimeout, requestTimeout, attemptsPerUrl, userAgent, proxy, bytes);
    }
}
