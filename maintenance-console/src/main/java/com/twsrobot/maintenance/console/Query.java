package com.twsrobot.maintenance.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A request's query parameters, decoded; the last value of a repeated name wins. */
record Query(Map<String, String> values) {

    Query {
        values = Map.copyOf(values);
    }

    static Outcome<Query> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Outcome.of(new Query(out));
        }
        try {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        } catch (IllegalArgumentException e) {
            return Outcome.badRequest("unreadable query string");
        }
        return Outcome.of(new Query(out));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A whole number within [min, max], {@code fallback} when absent; else a 400 with {@code message}. */
    Outcome<Integer> wholeNumber(String name, int fallback, int min, int max, String message) {
        String text = values.get(name);
        if (text == null) {
            return Outcome.of(fallback);
        }
        if (text.matches("[+-]?[0-9]{1,10}")) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return Outcome.of((int) value);
            }
        }
        return Outcome.badRequest(message);
    }

    /** {@code ?limit=}: 1 to 500. */
    Outcome<Integer> limit(int fallback) {
        return wholeNumber("limit", fallback, 1, 500, "limit must be a whole number from 1 to 500");
    }
}
