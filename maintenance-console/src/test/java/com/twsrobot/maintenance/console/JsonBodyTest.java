package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.twsrobot.maintenance.core.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies bound to records: strict about shape, types, duplicates and trailing data; every refusal names what and where. */
class JsonBodyTest {

    record Sample(@JsonProperty("names") List<String> names, @JsonProperty("dry_run") Boolean dryRun,
                  @JsonProperty("days_ahead") Integer daysAhead, @JsonProperty("plan_id") String planId) {
    }

    static Outcome<Sample> bind(String body) {
        return JsonBody.bind(body, Sample.class, field -> "wrong type: " + field);
    }

    static String error(Outcome<?> outcome) throws Exception {
        assertThat(outcome.stopped()).as("refused").isTrue();
        assertThat(outcome.stoppedWith().status()).isEqualTo(400);
        return ReportJson.mapper().readTree(outcome.stoppedWith().body()).get("error").asText();
    }

    @Test
    void aWellFormedBodyBindsAndABlankOneIsEmpty() {
        assertThat(bind("{\"names\": [\"a\", \"b\"], \"dry_run\": false, \"days_ahead\": 7, \"plan_id\": \"p\"}").value())
                .isEqualTo(new Sample(List.of("a", "b"), false, 7, "p"));
        assertThat(bind("  ").value()).isEqualTo(new Sample(null, null, null, null));
        assertThat(bind("{\"dry_run\": null}").value()).isEqualTo(new Sample(null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"dry_run\": \"false\"}|wrong type: dry_run",
            "{\"dry_run\": 0}|wrong type: dry_run",
            "{\"days_ahead\": 1.5}|wrong type: days_ahead",
            "{\"days_ahead\": \"7\"}|wrong type: days_ahead",
            "{\"days_ahead\": true}|wrong type: days_ahead",
            "{\"names\": \"a\"}|wrong type: names",
            "{\"names\": [1]}|wrong type: names",
            "{\"names\": [[\"a\"]]}|wrong type: names",
            "{\"plan_id\": 20260624}|wrong type: plan_id",
            "{\"plan_id\": {\"id\": \"x\"}}|wrong type: plan_id",
            "{\"days_ahead\": 99999999999}|wrong type: days_ahead",
            "[1, 2]|the body must be a JSON object",
            "null|the body must be a JSON object",
            "\"text\"|the body must be a JSON object",
            "{\"nmaes\": []}|unknown field 'nmaes' (known: names, dry_run, days_ahead, plan_id)",
            "{\"names\": [], \"names\": []}|malformed JSON: Duplicate field 'names' (line 1, column",
            "{\"names\": []} {}|malformed JSON: more after the JSON value (line 1, column 15)",
            "{\"names\": []}x|malformed JSON: Unrecognized token 'x'",
            "{\"names\": [}|malformed JSON: Unexpected close marker '}': expected ']' (for Array starting at [line: 1, column: 11]) (line 1, column 12)"})
    void whatIsRefusedAndTheMessage(String body, String message) throws Exception {
        assertThat(error(bind(body))).contains(message).doesNotContain("Exception").doesNotContain("com.fasterxml");
    }

    @Test
    void aMalformedBodyIsPlacedByLineAndColumn() throws Exception {
        assertThat(error(bind("{\n  \"names\": [],\n  oops\n}"))).startsWith("malformed JSON: ").contains("Unexpected character ('o'").endsWith("(line 3, column 3)");
    }

    @Test
    void listsOfNamesMustHoldNonEmptyStringsAndAreTrimmed() throws Exception {
        assertThat(JsonBody.nonEmptyStrings("names", List.of(" a ", "b")).value()).containsExactly("a", "b");
        assertThat(JsonBody.nonEmptyStrings("names", null).value()).isEmpty();
        assertThat(error(JsonBody.nonEmptyStrings("names", java.util.Arrays.asList("a", null))))
                .isEqualTo("names must be an array of non-empty strings");
        assertThat(error(JsonBody.nonEmptyStrings("names", List.of(" "))))
                .isEqualTo("names must be an array of non-empty strings");
    }
}
