package com.twsrobot.maintenance.core.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published 2027 schedules of the three exchanges, and the operator's override files. */
class Calendars2027Test {

    /** Weekdays of 2027 on which {@code exchange} does not trade. */
    private static List<String> closedWeekdays(Exchange exchange) {
        ExchangeCalendar calendar = ExchangeCalendar.of(exchange);
        List<String> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2027, 1, 1); d.getYear() == 2027; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && calendar.session(d).isEmpty()) {
                out.add(d.toString());
            }
        }
        return out;
    }

    /** Days of 2027 whose session closes before its usual time, with the close. */
    private static List<String> shortDays(Exchange exchange, LocalTime usualClose) {
        ExchangeCalendar calendar = ExchangeCalendar.of(exchange);
        List<String> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2027, 1, 1); d.getYear() == 2027; d = d.plusDays(1)) {
            Optional<Session> s = calendar.session(d);
            if (s.isPresent() && s.get().close().toLocalTime().isBefore(usualClose)) {
                out.add(d + " " + s.get().close().toLocalTime());
            }
        }
        return out;
    }

    @Test
    void nyse2027AsTheNysePublishedIt() {
        assertThat(closedWeekdays(Exchange.NYSE)).containsExactly("2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26",
                "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24");
        assertThat(shortDays(Exchange.NYSE, LocalTime.of(16, 0))).containsExactly("2027-11-26 13:00");
        assertThat(ExchangeCalendar.of(Exchange.NYSE).session(LocalDate.of(2027, 12, 31)).orElseThrow().close()
                .toLocalTime()).isEqualTo(LocalTime.of(16, 0)); // a full session
    }

    @Test
    void hkex2027AsCircularCt07726SaysIt() {
        assertThat(closedWeekdays(Exchange.HKEX)).containsExactly("2027-01-01", "2027-02-08", "2027-02-09", "2027-03-26",
                "2027-03-29", "2027-04-05", "2027-05-13", "2027-06-09", "2027-07-01", "2027-09-16", "2027-10-01",
                "2027-10-08", "2027-12-27");
        assertThat(shortDays(Exchange.HKEX, LocalTime.of(16, 0)))
                .containsExactly("2027-02-05 12:00", "2027-12-24 12:00", "2027-12-31 12:00");
        Session halfDay = ExchangeCalendar.of(Exchange.HKEX).session(LocalDate.of(2027, 2, 5)).orElseThrow();
        assertThat(halfDay.breakStart()).isEmpty(); // no afternoon session
    }

    @Test
    void sgx2027FromTheMinistryOfManpowerHolidaysWithDerivedHalfDays() {
        assertThat(closedWeekdays(Exchange.SGX)).containsExactly("2027-01-01", "2027-02-08", "2027-03-10", "2027-03-26",
                "2027-05-17", "2027-05-20", "2027-08-09", "2027-10-28");
        assertThat(shortDays(Exchange.SGX, LocalTime.of(17, 0)))
                .containsExactly("2027-02-05 12:00", "2027-12-24 12:00", "2027-12-31 12:00");
        assertThat(ExchangeCalendar.of(Exchange.SGX).coverageEnd()).contains(LocalDate.of(2027, 12, 31));
        assertThat(ExchangeCalendar.of(Exchange.HKEX).coverageEnd()).contains(LocalDate.of(2027, 12, 31));
    }

    @Test
    void anOverrideFileCorrectsAndExtendsTheBundledCalendar(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("calendars"));
        Files.writeString(data.resolve("calendars/SGX.csv"), """
                date,kind,close,note
                # operator's additions, from SGX's 2028 notice
                2027-03-11,closed,,unexpected closure (test)
                2028-01-03,half_day,12:00,made up for the test
                2028-12-31,coverage_end,,SGX 2028 notice
                """);
        ExchangeCalendar sgx = CalendarOverrides.calendars(data).stream().filter(c -> c.exchange() == Exchange.SGX)
                .findFirst().orElseThrow();
        assertThat(sgx.coverageEnd()).contains(LocalDate.of(2028, 12, 31));
        assertThat(sgx.session(LocalDate.of(2027, 3, 11))).isEmpty();
        assertThat(sgx.session(LocalDate.of(2028, 1, 3)).orElseThrow().close().toLocalTime()).isEqualTo(LocalTime.NOON);
        assertThat(sgx.session(LocalDate.of(2028, 1, 4)).orElseThrow().close().toLocalTime()).isEqualTo(LocalTime.of(17, 0));
        // Without the override, 2028 is unknown and the warning says so rather than guess.
        assertThat(MarketClock.warning(ExchangeCalendar.of(Exchange.SGX), Instant.parse("2028-01-04T03:00:00Z")))
                .get().asString().contains("unknown");
        assertThat(MarketClock.warning(sgx, Instant.parse("2028-01-04T03:00:00Z"))).get().asString()
                .startsWith("SGX appears open");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2027-13-01,closed,,x|line 1: '2027-13-01' is not a date",
            "2027-03-11,shut,,x|line 1: kind must be closed, half_day or coverage_end, got 'shut'",
            "2027-03-11,half_day,,x|line 1: a half day needs its close time as HH:MM",
            "2027-03-11,closed,12:00,x|line 1: a closed day has no close time",
            "just one field|line 1: expected date,kind,close,note"})
    void aMalformedOverrideFileIsAnErrorNamingTheLine(String line, String message, @TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("calendars"));
        Files.writeString(data.resolve("calendars/HKEX.csv"), line + "\n");
        assertThatThrownBy(() -> CalendarOverrides.calendars(data))
                .isInstanceOf(CalendarOverrides.MalformedException.class)
                .hasMessageContaining("HKEX.csv " + message);
    }

    @Test
    void aDayListedTwiceIsAnError(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("calendars"));
        Files.writeString(data.resolve("calendars/NYSE.csv"), "2027-03-11,closed,,a\n2027-03-11,closed,,b\n");
        assertThatThrownBy(() -> CalendarOverrides.calendars(data)).hasMessageContaining("NYSE.csv line 2: 2027-03-11 is listed twice");
    }

    @Test
    void sixtyDaysBeforeAKnownCalendarEndsTheOperatorIsWarnedNamingTheOverrideFile(@TempDir Path data) throws Exception {
        List<ExchangeCalendar> bundled = CalendarOverrides.calendars(data);
        assertThat(MarketClock.coverageWarnings(LocalDate.of(2027, 10, 31), bundled, data)).isEmpty();
        List<String> warnings = MarketClock.coverageWarnings(LocalDate.of(2027, 11, 1), bundled, data);
        assertThat(warnings).hasSize(2).anySatisfy(w -> assertThat(w)
                .startsWith("SGX holiday calendar is known only to 2027-12-31 (60 days from now)")
                .contains(data.resolve("calendars/SGX.csv").toAbsolutePath().toString()));
        Files.createDirectories(data.resolve("calendars"));
        Files.writeString(data.resolve("calendars/SGX.csv"), "2028-12-31,coverage_end,,SGX 2028 notice\n");
        assertThat(MarketClock.coverageWarnings(LocalDate.of(2027, 11, 2), CalendarOverrides.calendars(data), data))
                .singleElement().asString().startsWith("HKEX");
    }
}
