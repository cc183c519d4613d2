package com.twsrobot.maintenance.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The field names of a JSON object in document order. */
final class ImmutableFieldNames {

    private ImmutableFieldNames() {
    }

    static List<String> of(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
