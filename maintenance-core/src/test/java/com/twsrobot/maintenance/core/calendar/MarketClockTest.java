package com.twsrobot.maintenance.core.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarketClockTest {

    private static Optional<String> at(Exchange exchange, String instant) {
        return MarketClock.warning(ExchangeCalendar.of(exchange), Instant.parse(instant));
    }

    @Test
    void nysePublishedHolidays2024To2027() {
        assertThat(UsMarketHolidays.holidays(2024).keySet()).extracting(LocalDate::toString).containsExactly(
                "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04",
                "2024-09-02", "2024-11-28", "2024-12-25");
        assertThat(UsMarketHolidays.holidays(2025).keySet()).extracting(LocalDate::toString).containsExactly(
                "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
                "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25");
        assertThat(UsMarketHolidays.holidays(2026).keySet()).extracting(LocalDate::toString).containsExactly(
                "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03",
                "2026-09-07", "2026-11-26", "2026-12-25");
        assertThat(UsMarketHolidays.holidays(2027).keySet()).extracting(LocalDate::toString).containsExactly(
                "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05",
                "2027-09-06", "2027-11-25", "2027-12-24");
    }

    @Test
    void nysePublishedEarlyCloses2024To2027() {
        assertThat(UsMarketHolidays.earlyCloses(2024).keySet()).extracting(LocalDate::toString)
                .containsExactly("2024-07-03", "2024-11-29", "2024-12-24");
        assertThat(UsMarketHolidays.earlyCloses(2025).keySet()).extracting(LocalDate::toString)
                .containsExactly("2025-07-03", "2025-11-28", "2025-12-24");
        assertThat(UsMarketHolidays.earlyCloses(2026).keySet()).extracting(LocalDate::toString)
                .containsExactly("2026-11-27", "2026-12-24");
        assertThat(UsMarketHolidays.earlyCloses(2027).keySet()).extracting(LocalDate::toString)
                .containsExactly("2027-11-26");
    }

    @Test
    void theOldToolsHolidayBugsAreNotRepeated() {
        // 1 Jan 2028 is a Saturday: NYSE does not close on Friday 31 Dec 2027.
        assertThat(UsMarketHolidays.holidays(2027)).doesNotContainKey(LocalDate.of(2027, 12, 31));
        assertThat(UsMarketHolidays.holidays(2028)).doesNotContainKey(LocalDate.of(2027, 12, 31));
        // 24 Dec 2021 was the observed Christmas holiday, not an early close.
        assertThat(UsMarketHolidays.holidays(2021)).containsKey(LocalDate.of(2021, 12, 24));
        assertThat(UsMarketHolidays.earlyCloses(2021)).doesNotContainKey(LocalDate.of(2021, 12, 24));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // NYSE: open, before open, early close, holiday, weekend, both sides of the DST change
            "NYSE|2026-11-24T15:00:00Z|NYSE appears open (closes 16:00 America/New_York)",
            "NYSE|2026-11-24T14:29:59Z|",
            "NYSE|2026-11-27T17:30:00Z|NYSE appears open (closes 13:00 America/New_York)",
            "NYSE|2026-11-27T18:00:00Z|",
            "NYSE|2026-11-26T15:00:00Z|",
            "NYSE|2026-11-28T15:00:00Z|",
            "NYSE|2026-03-09T13:30:00Z|NYSE appears open (closes 16:00 America/New_York)",
            "NYSE|2026-03-06T13:30:00Z|",
            "NYSE|2026-11-02T14:29:00Z|",
            "NYSE|2026-11-02T14:30:00Z|NYSE appears open (closes 16:00 America/New_York)",
            // HKEX: morning, lunch break, afternoon, half day, holiday
            "HKEX|2026-11-24T02:00:00Z|HKEX appears open (closes 16:00 Asia/Hong_Kong)",
            "HKEX|2026-11-24T04:30:00Z|HKEX is in its midday break (reopens 13:00, closes 16:00 Asia/Hong_Kong)",
            "HKEX|2026-11-24T07:59:00Z|HKEX appears open (closes 16:00 Asia/Hong_Kong)",
            "HKEX|2026-12-24T03:00:00Z|HKEX appears open (closes 12:00 Asia/Hong_Kong)",
            "HKEX|2026-12-24T05:00:00Z|",
            "HKEX|2026-10-01T03:00:00Z|",
            // SGX: open, midday break, half day on Christmas Eve
            "SGX|2026-11-24T02:00:00Z|SGX appears open (closes 17:00 Asia/Singapore)",
            "SGX|2026-11-24T04:30:00Z|SGX is in its midday break (reopens 13:00, closes 17:00 Asia/Singapore)",
            "SGX|2026-12-24T03:00:00Z|SGX appears open (closes 12:00 Asia/Singapore)",
            "SGX|2026-12-24T05:00:00Z|",
            // Beyond the bundled holiday data: say it is unknown rather than guess
            "HKEX|2028-03-02T03:00:00Z|HKEX holiday calendar is unknown for 2028-03-02 (known to 2027-12-31); it may be open now",
            "HKEX|2027-03-02T03:00:00Z|HKEX appears open (closes 16:00 Asia/Hong_Kong)",
            "SGX|2027-03-06T03:00:00Z|"})
    void chosenInstants(Exchange exchange, String instant, String expected) {
        assertThat(at(exchange, instant)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void oneWarningPerOpenMarket() {
        assertThat(MarketClock.openMarketWarnings(Instant.parse("2026-11-24T02:00:00Z")))
                .isEqualTo(List.of("SGX appears open (closes 17:00 Asia/Singapore)",
                        "HKEX appears open (closes 16:00 Asia/Hong_Kong)"));
        assertThat(MarketClock.openMarketWarnings(Instant.parse("2026-11-28T12:00:00Z"))).isEmpty();
    }
}
