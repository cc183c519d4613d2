package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FomcCalendarParserTest {


    @Test
    void theFedPageParsesToExactlyTheExpectedMeetings() throws Exception {
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(com.twsrobot.maintenance.testkit.Fixtures.fedPage("fed_fomc_calendars.html"),
                "u");
        JsonNode expected = new ObjectMapper().readTree(com.twsrobot.maintenance.testkit.Fixtures.fedPage("fed_fomc_expected.json"));

        List<Map<String, Object>> meetings = new ArrayList<>();
        for (FomcCalendarParser.Meeting m : parsed.meetings()) {
            meetings.add(Map.of("year", m.year(), "start", m.start().toString(), "end", m.end().toString(), "sep", m.sep(),
                    "month_label", m.monthLabel(), "date_label", m.dateLabel()));
        }
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (JsonNode m : expected.get("meetings")) {
            wanted.add(Map.of("year", m.get("year").asInt(), "start", m.get("start").asText(), "end", m.get("end").asText(),
                    "sep", m.get("sep").asBoolean(), "month_label", m.get("month_label").asText(),
                    "date_label", m.get("date_label").asText()));
        }
        assertThat(meetings).hasSize(56).isEqualTo(wanted);
        assertThat(parsed.meetings().stream().filter(FomcCalendarParser.Meeting::sep)).hasSize(28);

        assertThat(parsed.notScheduled()).singleElement().satisfies(n -> {
            JsonNode e = expected.get("not_scheduled").get(0);
            assertThat(n.date().toString()).isEqualTo(e.get("date").asText());
            assertThat(n.kind()).isEqualTo(e.get("kind").asText());
            assertThat(n.dateLabel()).isEqualTo(e.get("date_label").asText());
        });
    }

    @Test
    void unscheduledMeetingsAreToldApartToo() throws Exception {
        String html = "<div class='panel panel-default'><div class='panel-heading'><h4>2020 FOMC Meetings</h4></div>"
                + "<div class='row fomc-meeting'><div class='fomc-meeting__month'><strong>March</strong></div>"
                + "<div class='fomc-meeting__date'>15 (unscheduled)</div></div>"
                + "<div class='row fomc-meeting'><div class='fomc-meeting__month'><strong>Apr/May</strong></div>"
                + "<div class='fomc-meeting__date'>28-29</div></div></div>";
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(html, "u");
        assertThat(parsed.notScheduled()).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("unscheduled"));
        assertThat(parsed.meetings()).singleElement().satisfies(m -> assertThat(m.end().toString()).isEqualTo("2020-04-29"));
    }

    @Test
    void aPageWithoutMeetingsFailsNamingTheUrl() {
        assertThatThrownBy(() -> FomcCalendarParser.parse("<html><body>Maintenance</body></html>", "https://fed/x"))
                .hasMessageContaining("https://fed/x: no FOMC meeting rows found");
    }

    @Test
    void aWindowPastTheLastYearPanelCarriesAFreshnessWarning() throws Exception {
        java.time.LocalDate from = java.time.LocalDate.parse("2027-12-01");
        com.twsrobot.maintenance.api.events.EventsRequest late = new com.twsrobot.maintenance.api.events.EventsRequest(
                List.of(), from, from.plusDays(60), java.time.Instant.parse("2027-12-01T12:00:00Z"), Map.of(), true);
        com.twsrobot.maintenance.api.events.ProviderFetch fetch = new FomcProvider().fetch(late);
        assertThat(fetch.events()).extracting(e -> e.eventDate().toString()).containsExactly("2027-12-15");
        assertThat(fetch.warnings()).singleElement().asString()
                .startsWith("the source lists no meetings after 2027-12-15")
                .contains("FOMC events from 2028-01-01 to 2028-01-30 are unknown");

        java.time.LocalDate inside = java.time.LocalDate.parse("2027-06-01");
        assertThat(new FomcProvider().fetch(new com.twsrobot.maintenance.api.events.EventsRequest(List.of(), inside,
                inside.plusDays(90), java.time.Instant.parse("2027-06-01T12:00:00Z"), Map.of(), true)).warnings()).isEmpty();
    }
}
