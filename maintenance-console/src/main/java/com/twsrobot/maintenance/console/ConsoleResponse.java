package com.twsrobot.maintenance.console;

import java.util.Map;

/**
 * What the console answers: a status, headers and the whole body (console answers are small).
 *
 * @param status  HTTP status code
 * @param headers response headers, one value each
 * @param body    the body; empty for none
 */
public record ConsoleResponse(int status, Map<String, String> headers, byte[] body) {

    public ConsoleResponse {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
