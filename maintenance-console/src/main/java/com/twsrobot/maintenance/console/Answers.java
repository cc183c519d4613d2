package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's answers, each with the same protective headers; errors are JSON {@code {"error": "..."}}. */
final class Answers {

    static final String JSON = "application/json; charset=utf-8";

    private Answers() {
    }

    static ConsoleResponse json(int status, JsonNode body) {
        return send(status, JSON, ReportJson.pretty(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ConsoleResponse error(int status, String message) {
        return json(status, ReportJson.mapper().createObjectNode().put("error", message));
    }

    static ConsoleResponse text(String type, String body) {
        return send(200, type, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ConsoleResponse redirect(String location, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Location", location);
        return new ConsoleResponse(303, headers, new byte[0]);
    }

    static ConsoleResponse send(int status, String type, byte[] body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Content-Type", type);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        return new ConsoleResponse(status, headers, body);
    }
}
