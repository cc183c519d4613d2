package com.twsrobot.maintenance.api.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A complete answer: status, headers and the whole (decompressed) body, read within the deadline and
 * the body cap.
 *
 * @param uri     the URI that answered (after redirects)
 * @param status  the HTTP status
 * @param headers the answer's headers
 * @param body    the whole body
 */
public record HttpAnswer(URI uri, int status, HttpHeaders headers, byte[] body) {

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body's first non-blank line, shortened, for messages.
     *
     * @return at most 120 characters and "..."
     */
    public String firstLine() {
        String line = text().strip().lines().findFirst().orElse("").strip();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }

    /**
     * The answer in a few words, for a list of what each try answered.
     *
     * @return "HTTP 503", or "HTTP 503 'Service Unavailable'" when the body's first line says more
     */
    public String describe() {
        String line = firstLine();
        boolean saysMore = !line.isEmpty() && !line.equals("HTTP " + status);
        return "HTTP " + status + (saysMore ? " '" + line + "'" : "");
    }
}
