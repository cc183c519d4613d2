package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.core.calendar.Exchange;
import com.twsrobot.maintenance.core.calendar.ExchangeCalendar;
import com.twsrobot.maintenance.core.calendar.MarketClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Off-peak instants from the market clock, and the daily slots of a schedule, at fixed instants. */
class ScheduleTest {

    private static final List<ExchangeCalendar> BUNDLED = Arrays.stream(Exchange.values()).map(ExchangeCalendar::of).toList();

    private static Instant offPeak(String from) {
        return MarketClock.nextOffPeak(Instant.parse(from), BUNDLED);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            // NYSE in session (10:00 New York) on an ordinary Friday: quiet at its 16:00 close (Asia is closed then)
            "2026-11-20T15:00:00Z | 2026-11-20T21:00:00Z | NYSE session on a Friday ends at its close",
            // the day after Thanksgiving NYSE closes at 13:00 New York: quiet from 18:00 UTC, not 21:00
            "2026-11-27T15:00:00Z | 2026-11-27T18:00:00Z | US early close",
            // a Saturday afternoon in New York is quiet everywhere
            "2026-11-21T15:00:00Z | 2026-11-21T15:00:00Z | a weekend instant is off-peak",
            // Monday morning in Asia after the weekend: HKEX closes 08:00 UTC, SGX 09:00 UTC
            "2026-11-23T01:30:00Z | 2026-11-23T09:00:00Z | Monday's Asian sessions after a weekend",
            // 12:30 in Singapore and Hong Kong: both in their midday break, which counts as in session
            "2026-11-24T04:30:00Z | 2026-11-24T09:00:00Z | SGX midday break",
            // between SGX's close (09:00 UTC) and NYSE's open (14:30 UTC): quiet now
            "2026-11-24T10:00:00Z | 2026-11-24T10:00:00Z | the gap between Asia and New York",
            // Thanksgiving: NYSE closed all day, so its usual hours are quiet
            "2026-11-26T16:00:00Z | 2026-11-26T16:00:00Z | a US holiday",
            // beyond the bundled SGX/HKEX calendars weekday hours count as in session until 17:00 local
            "2028-03-01T02:00:00Z | 2028-03-01T09:00:00Z | unknown calendar",
    })
    void nextOffPeakInstant(String from, String expected, String why) {
        assertThat(offPeak(from)).as(why).isEqualTo(Instant.parse(expected));
    }

    @Test
    void theSlotOfAPlainOffPeakScheduleIsNysesCloseOnWeekdaysAndTheAnchorOnWeekends() {
        Schedule schedule = Schedule.parse("off-peak").orElseThrow();
        assertThat(schedule).isEqualTo(new Schedule(true, LocalTime.of(16, 0), ZoneId.of("America/New_York")));
        assertThat(schedule.slotOn(LocalDate.parse("2026-11-20"), BUNDLED)).isEqualTo(Instant.parse("2026-11-20T21:00:00Z"));
        assertThat(schedule.slotOn(LocalDate.parse("2026-11-27"), BUNDLED)).isEqualTo(Instant.parse("2026-11-27T21:00:00Z"));
    }

    @Test
    void anOffPeakScheduleAcrossAWeekendRunsOnceADay() {
        // Anchored at 10:00 New York: on weekdays NYSE is open then, so the slot waits for its close.
        Schedule schedule = Schedule.parse("off-peak after 10:00 America/New_York").orElseThrow();
        Instant friday = schedule.nextAfter(Instant.parse("2026-11-20T12:00:00Z"), BUNDLED);
        assertThat(friday).isEqualTo(Instant.parse("2026-11-20T21:00:00Z"));
        Instant saturday = schedule.nextAfter(friday, BUNDLED);
        assertThat(saturday).isEqualTo(Instant.parse("2026-11-21T15:00:00Z"));
        Instant sunday = schedule.nextAfter(saturday, BUNDLED);
        assertThat(sunday).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
        assertThat(schedule.nextAfter(sunday, BUNDLED)).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        // Thanksgiving Friday's early close moves that day's slot to 13:00 New York.
        assertThat(schedule.slotOn(LocalDate.parse("2026-11-27"), BUNDLED)).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(schedule.latestAtOrBefore(Instant.parse("2026-11-23T20:59:00Z"), BUNDLED))
                .isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
    }

    @Test
    void anOffPeakScheduleAnchoredInAsiaWaitsOutTheMiddayBreak() {
        Schedule schedule = Schedule.parse("off-peak after 12:30 Asia/Singapore").orElseThrow();
        assertThat(schedule.slotOn(LocalDate.parse("2026-11-24"), BUNDLED)).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void aDailyScheduleIsTheLocalTimeEveryDayAcrossDaylightSaving() {
        Schedule schedule = Schedule.parse("daily 02:30 America/New_York").orElseThrow();
        // New York leaves daylight saving time on 2026-11-01: 02:30 is 06:30 UTC before, 07:30 UTC after.
        assertThat(schedule.nextAfter(Instant.parse("2026-10-30T12:00:00Z"), BUNDLED)).isEqualTo(Instant.parse("2026-10-31T06:30:00Z"));
        assertThat(schedule.nextAfter(Instant.parse("2026-10-31T06:30:00Z"), BUNDLED)).isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));
        assertThat(schedule.toString()).isEqualTo("daily 02:30 America/New_York");
        assertThat(Schedule.parse("off")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"daily", "daily 25:00 UTC", "daily 2:30 UTC", "daily 02:30 Mars/Olympus", "hourly",
            "off-peak before 10:00 UTC", "weekly 02:30 UTC", ""})
    void aMalformedScheduleIsRefusedNamingTheForms(String text) {
        assertThatThrownBy(() -> Schedule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'").satisfies(e -> assertThat(e.getMessage())
                        .containsAnyOf("daily HH:MM ZONE", "HH:MM", "time zone"));
    }
}
