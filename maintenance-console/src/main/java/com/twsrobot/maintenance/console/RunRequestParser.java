package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@code POST /api/maintenance/run} body into a {@link RunRequest}, strictly: unknown fields,
 * wrong types and out-of-range values are 400s that say what was wrong. Dry run unless
 * {@code "dry_run": false} is sent.
 */
final class RunRequestParser {

    static final List<String> FIELDS = List.of("tasks", "dry_run", "allow_large_change", "event_symbols", "days_ahead",
            "plan_id");

    private RunRequestParser() {
    }

    static RunRequest parse(String body) throws BadRequestException {
        JsonNode root = object(body, FIELDS);
        RunRequest.Builder b = RunRequest.builder().tasks(strings(root, "tasks"))
                .eventSymbols(strings(root, "event_symbols"));
        boolean dryRun = bool(root, "dry_run", true);
        b.dryRun(dryRun).allowLargeChange(bool(root, "allow_large_change", false));
        JsonNode days = root.get("days_ahead");
        if (days != null && !days.isNull()) {
            if (!days.isIntegralNumber()) {
                throw BadRequestException.badRequest("days_ahead must be a whole number from 1 to 90");
            }
            if (days.asLong() < 1 || days.asLong() > RunRequest.MAX_DAYS_AHEAD) {
                throw BadRequestException.badRequest("days_ahead must be from 1 to 90, got " + days.asLong());
            }
            b.daysAhead(days.asInt());
        }
        JsonNode plan = root.get("plan_id");
        if (plan != null && !plan.isNull()) {
            if (!plan.isTextual()) {
                throw BadRequestException.badRequest("plan_id must be a string (a dry run's report id)");
            }
            if (dryRun) {
                throw BadRequestException.badRequest("plan_id applies a preview: send \"dry_run\": false with it");
            }
            b.plan(plan.asText());
        }
        return b.build();
    }

    /** Duplicate keys and anything after the JSON value are malformed bodies, not something to guess at. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static JsonNode json(String body) throws BadRequestException {
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadRequestException.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A JSON object with no field outside {@code known}; a 400 naming the field otherwise. */
    static JsonNode object(String body, List<String> known) throws BadRequestException {
        JsonNode root = json(body.isBlank() ? "{}" : body);
        if (!root.isObject()) {
            throw BadRequestException.badRequest("the body must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw BadRequestException.badRequest("unknown field '" + field + "' (known: " + String.join(", ", known)
                        + ")");
            }
        }
        return root;
    }

    static List<String> strings(JsonNode root, String field) throws BadRequestException {
        JsonNode node = root.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw BadRequestException.badRequest(field + " must be an array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw BadRequestException.badRequest(field + " must be an array of non-empty strings");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    static boolean bool(JsonNode root, String field, boolean fallback) throws BadRequestException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw BadRequestException.badRequest(field + " must be true or false");
        }
        return node.asBoolean();
    }
}
