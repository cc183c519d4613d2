package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.report.ReportJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the strict body binding, for any field name and any text. A class of their own: Surefire writes
 * one XML report per class, and the jqwik engine's would overwrite the JUnit engine's for a mixed class.
 */
class JsonBodyPropertiesTest {

    @Property(tries = 200)
    void anyFieldTheRecordDoesNotHaveIsRefusedByName(@ForAll("unknownFields") String field) throws Exception {
        String body = ReportJson.mapper().createObjectNode().put(field, 1).toString();
        assertThat(JsonBodyTest.error(JsonBodyTest.bind(body))).startsWith("unknown field '" + field + "'");
    }

    @Provide
    Arbitrary<String> unknownFields() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(30)
                .filter(s -> !JsonBody.fields(JsonBodyTest.Sample.class).contains(s));
    }

    @Property(tries = 300)
    void anyTextIsBoundOrRefusedNeverThrown(@ForAll String body) {
        Outcome<JsonBodyTest.Sample> outcome = JsonBodyTest.bind(body);
        assertThat(outcome.stopped() ? outcome.stoppedWith().status() : 200).isIn(200, 400);
    }
}
