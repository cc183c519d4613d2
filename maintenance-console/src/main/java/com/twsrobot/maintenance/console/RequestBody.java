package com.twsrobot.maintenance.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a request's body up to the console's limit; a larger one is a 413, never a partial read. */
final class RequestBody {

    /** The most of an oversized body read and dropped before answering 413 (the read timeout bounds the time). */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private RequestBody() {
    }

    /**
     * @throws IOException when the client went away or stalled past the read bound while sending
     */
    static Outcome<String> read(ConsoleRequest request, int maxBytes) throws IOException {
        try (InputStream in = request.body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                // Read (and drop) the rest, up to a bound, so the client is still listening when the 413 comes;
                // closing on a client that is still sending would reset the connection instead.
                byte[] sink = new byte[64 * 1024];
                for (long left = DRAIN_LIMIT, n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                    left -= n;
                }
                return Outcome.refuse(413, "request body larger than " + maxBytes + " bytes");
            }
            return Outcome.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
