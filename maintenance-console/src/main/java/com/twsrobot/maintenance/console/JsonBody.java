package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Binds a request body to a record, strictly: a malformed body (including duplicate keys and anything
 * after the JSON value), a body that is not an object, an unknown field or a value of the wrong type is
 * a 400 naming the field (or the line and column). Types never coerce: {@code "false"} is not a
 * boolean, {@code 1.5} not a whole number, {@code "x"} not a list. A blank body is {@code {}}.
 */
final class JsonBody {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(c -> {
                for (CoercionInputShape shape : CoercionInputShape.values()) {
                    c.setCoercion(shape, CoercionAction.Fail);
                }
            })
            .build();

    private JsonBody() {
    }

    /**
     * @param wrongType the message for a field whose value has the wrong type, by the field's JSON name
     */
    static <R extends Record> Outcome<R> bind(String body, Class<R> type, UnaryOperator<String> wrongType) {
        JsonNode root;
        try (JsonParser parser = STRICT.createParser(body.isBlank() ? "{}" : body)) {
            root = STRICT.readTree(parser);
            if (parser.nextToken() != null) {
                return Outcome.badRequest("malformed JSON: more after the JSON value" + where(parser.currentTokenLocation()));
            }
        } catch (JsonProcessingException e) {
            // Jackson's message, without its note on where the source is (it is the body, and hidden anyway).
            return Outcome.badRequest("malformed JSON: " + e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[")
                    + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (root == null || !root.isObject()) {
            return Outcome.badRequest("the body must be a JSON object");
        }
        try {
            return Outcome.of(STRICT.treeToValue(root, type));
        } catch (UnrecognizedPropertyException e) {
            return Outcome.badRequest("unknown field '" + e.getPropertyName() + "' (known: "
                    + String.join(", ", fields(type)) + ")");
        } catch (JsonProcessingException e) {
            String field = field(e);
            return Outcome.badRequest(field == null ? "the body does not fit: " + e.getOriginalMessage()
                    : wrongType.apply(field));
        }
    }

    /** A bound list of strings, trimmed; null is none; an empty or blank item is a 400 naming {@code field}. */
    static Outcome<List<String>> nonEmptyStrings(String field, List<String> values) {
        if (values == null) {
            return Outcome.of(List.of());
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            return Outcome.badRequest(field + " must be an array of non-empty strings");
        }
        return Outcome.of(values.stream().map(String::trim).toList());
    }

    /** The JSON names of a body record's fields, in declaration order. */
    static List<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(JsonBody::jsonName).toList();
    }

    private static String jsonName(RecordComponent c) {
        // @JsonProperty does not target record components; the compiler puts it on the accessor.
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p == null || p.value().isEmpty() ? c.getName() : p.value();
    }

    /** The top-level field a binding problem is in, from the error's path or else the parser's position. */
    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty() && m.getPath().get(0).getFieldName() != null) {
            return m.getPath().get(0).getFieldName();
        }
        if (e.getProcessor() instanceof JsonParser p) {
            String name = null;
            for (JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
                if (c.getCurrentName() != null) {
                    name = c.getCurrentName();
                }
            }
            return name;
        }
        return null;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
