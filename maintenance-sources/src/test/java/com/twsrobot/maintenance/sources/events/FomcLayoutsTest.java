package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Fed page in other layouts — the four the host's old tests use, and a copy whose 2025 panel lost its
 * wrapping tags — each built here from the repo's copy of the real page: the same meetings, or a warning
 * naming the year.
 */
class FomcLayoutsTest {

    private static final String PAGE = Fixtures.fedPage("fed_fomc_calendars.html");

    /** One row of the real page: its year and its month and date cells as written. */
    private record Row(int year, String month, String date) {
    }

    /** The real page's rows, year panel by year panel, in page order. */
    private static Map<Integer, List<Row>> realRows() {
        Map<Integer, List<Row>> rows = new LinkedHashMap<>();
        Document doc = Jsoup.parse(PAGE);
        for (Element panel : doc.select("div.panel.panel-default")) {
            int year = Integer.parseInt(panel.selectFirst(".panel-heading").text().substring(0, 4));
            List<Row> list = rows.computeIfAbsent(year, y -> new ArrayList<>());
            for (Element month : panel.select(".fomc-meeting__month")) {
                list.add(new Row(year, month.text().trim(), month.parent().selectFirst(".fomc-meeting__date").text().trim()));
            }
        }
        return rows;
    }

    /** The layouts of the host's old tests. */
    enum Layout {
        BARE_H4_WITH_SPANS(year -> "<h4>" + year + " FOMC Meetings</h4>\n", row -> "<div><span class=\"meeting-date\">"
                + row.month() + " " + row.date() + "</span> <span>Statement: <a href=\"#\">HTML</a></span>"
                + " <span>(Released February 19, " + row.year() + ")</span></div>\n", ""),
        PANEL_TITLE(year -> "<div class=\"panel\"><div class=\"panel-heading\"><h3 class=\"panel-title\">" + year
                + " FOMC Meetings</h3></div><div class=\"panel-body\"><ul>\n",
                row -> "<li>" + row.month() + " " + row.date() + "</li>\n", "</ul></div></div>\n"),
        RUNNING_TEXT(year -> "<p><strong>" + year + " FOMC Meetings:</strong> ", row -> row.month() + " " + row.date()
                + ", ", "</p>\n"),
        MONTH_AND_DAY_IN_SEPARATE_SPANS(year -> "<h4>" + year + "</h4>\n", row -> "<div class=\"meeting\"><span class=\"month\">"
                + row.month() + "</span><span class=\"day\">" + row.date() + "</span></div>\n", "");

        final Function<Integer, String> heading;
        final Function<Row, String> row;
        final String end;

        Layout(Function<Integer, String> heading, Function<Row, String> row, String end) {
            this.heading = heading;
            this.row = row;
            this.end = end;
        }

        String render(Map<Integer, List<Row>> rows) {
            StringBuilder html = new StringBuilder("<html><head><title>Meeting calendars</title></head><body>"
                    + "<h3>Meeting calendars and information</h3><p>Last Update: November 18, 2026</p>\n");
            rows.forEach((year, list) -> {
                html.append(heading.apply(year));
                list.forEach(r -> html.append(row.apply(r)));
                html.append(end);
            });
            return html.append("<p>* Meeting associated with a Summary of Economic Projections.</p></body></html>").toString();
        }
    }

    private static List<String> asExpected(List<FomcCalendarParser.Meeting> meetings) {
        return meetings.stream().map(m -> m.year() + " " + m.start() + ".." + m.end() + (m.sep() ? " SEP" : "") + " ["
                + m.monthLabel() + "|" + m.dateLabel() + "]").toList();
    }

    private static List<String> expected() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Fixtures.fedPage("fed_fomc_expected.json"));
        List<String> out = new ArrayList<>();
        for (JsonNode m : json.get("meetings")) {
            out.add(m.get("year").asInt() + " " + m.get("start").asText() + ".." + m.get("end").asText()
                    + (m.get("sep").asBoolean() ? " SEP" : "") + " [" + m.get("month_label").asText() + "|"
                    + m.get("date_label").asText() + "]");
        }
        return out;
    }

    @Test
    void theCurrentPageGivesExactlyTodaysMeetingsWithoutWarnings() throws Exception {
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(PAGE, "u");
        assertThat(asExpected(parsed.meetings())).hasSize(56).isEqualTo(expected());
        assertThat(parsed.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void eachOfTheHostsOldLayoutsGivesTheSameMeetings(Layout layout) throws Exception {
        String html = layout.render(realRows());
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(html, "u");
        assertThat(asExpected(parsed.meetings())).as(layout.name()).isEqualTo(expected());
        assertThat(parsed.notScheduled()).singleElement().satisfies(n -> {
            assertThat(n.date()).isEqualTo(LocalDate.of(2025, 8, 22));
            assertThat(n.kind()).isEqualTo("notation_vote");
        });
        assertThat(parsed.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aYearMissingFromALayoutIsAWarningNamingIt(Layout layout) throws Exception {
        Map<Integer, List<Row>> rows = realRows();
        rows.get(2025).subList(2, rows.get(2025).size()).clear(); // two rows of 2025 left
        rows.remove(2023);
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(layout.render(rows), "u");
        assertThat(parsed.meetings()).filteredOn(m -> m.year() == 2025).hasSize(2);
        assertThat(parsed.warnings()).containsExactlyInAnyOrder(
                "fomc: u: 2025 shows 2 scheduled meeting(s), fewer than the 8 the Committee holds a year: meetings of 2025 may be missing",
                "fomc: u: no meetings found for 2023, a year between 2022 and 2024 on the page: its part of the page may have changed layout");
    }

    /** The real page with the 2025 panel's wrapping tags gone: its heading and rows loose between the 2026 and 2024 panels. */
    private static String trimmed(boolean headingToo) {
        String open = "<div class=\"panel panel-default\"><div class=\"panel-heading\"><h4><a id=\"37826\">2025 FOMC Meetings</a></h4></div>";
        assertThat(PAGE).contains(open);
        return PAGE.replace(open, headingToo ? "" : "<h4><a id=\"37826\">2025 FOMC Meetings</a></h4>");
    }

    @Test
    void aPanelThatLostItsWrappingTagsIsReadByItsTextAndNoYearIsDropped() throws Exception {
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(trimmed(false), "u");
        assertThat(asExpected(parsed.meetings())).isEqualTo(expected());
        assertThat(parsed.meetings()).filteredOn(m -> m.year() == 2025).hasSize(8);
        assertThat(parsed.notScheduled()).hasSize(1);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void rowsThatLostTheirYearHeadingTooAreWarnedAboutNamingBothYears() throws Exception {
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(trimmed(true), "u");
        assertThat(parsed.warnings()).anySatisfy(w -> assertThat(w).contains("no meetings found for 2025"))
                .anySatisfy(w -> assertThat(w).contains("2026 shows 16 scheduled meetings, more than the 8"));
    }

    @Test
    void theSentenceOnNextYearsFirstMeetingAddsIt() throws Exception {
        String html = PAGE.replace("<p>For earlier meeting materials,",
                "<p>The Committee's calendar for 2028 has not been set; a two-day meeting is scheduled for January 25-26, 2028.</p>"
                        + "<p>For earlier meeting materials,");
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(html, "u");
        assertThat(parsed.meetings()).hasSize(57);
        FomcCalendarParser.Meeting last = parsed.meetings().get(56);
        assertThat(last.year()).isEqualTo(2028);
        assertThat(last.start()).isEqualTo(LocalDate.of(2028, 1, 25));
        assertThat(last.end()).isEqualTo(LocalDate.of(2028, 1, 26));
        assertThat(last.sep()).isFalse();
        assertThat(parsed.warnings()).isEmpty(); // one announced meeting is all the page says of 2028

        // Without the sentence, nothing of 2028.
        assertThat(FomcCalendarParser.parse(PAGE, "u").meetings()).noneMatch(m -> m.year() == 2028);
    }

    @Test
    void theProviderReportsALostYearAsAWarningOfItsFetch() throws Exception {
        try (FixtureServer server = FixtureServer.start()) {
            server.page("/fomc", trimmed(true));
            LocalDate from = LocalDate.parse("2026-01-01");
            ProviderFetch fetch = new FomcProvider().fetch(new EventsRequest(List.of(), from, from.plusDays(90),
                    Instant.parse("2026-01-01T12:00:00Z"), Map.of("fomc", server.url("/fomc")), false));
            assertThat(fetch.warnings()).anySatisfy(w -> assertThat(w).contains("no meetings found for 2025"));
            assertThat(fetch.errors()).isEmpty();
        }
    }
}
