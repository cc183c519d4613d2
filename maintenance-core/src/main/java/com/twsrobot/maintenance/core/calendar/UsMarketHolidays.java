package com.twsrobot.maintenance.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * NYSE/Nasdaq full-day holidays and 13:00 early closes, computed from the exchange's rules: a Sunday
 * holiday moves to Monday and a Saturday one to Friday — except New Year's Day, which is not moved
 * back into the old year — plus Good Friday, Juneteenth from 2022, and the closures the exchange
 * declared for national events.
 */
public final class UsMarketHolidays {

    /** Closures outside the rules (national days of mourning, September 11, Hurricane Sandy). */
    static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.ofEntries(
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            Map.entry(LocalDate.of(2004, 6, 11), "National Day of Mourning for President Reagan"),
            Map.entry(LocalDate.of(2007, 1, 2), "National Day of Mourning for President Ford"),
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H. W. Bush"),
            Map.entry(LocalDate.of(2025, 1, 9), "National Day of Mourning for President Carter"));

    private UsMarketHolidays() {
    }

    /** Full-day closures of {@code year} (weekdays only), by date, with their names. */
    public static Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> out = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            out.put(newYear.plusDays(1), "New Year's Day (observed)");
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            out.put(newYear, "New Year's Day");
        }
        if (year >= 1998) {
            out.put(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
        }
        out.put(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        out.put(easter(year).minusDays(2), "Good Friday");
        out.put(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "Memorial Day");
        if (year >= 2022) {
            putObserved(out, LocalDate.of(year, 6, 19), "Juneteenth National Independence Day");
        }
        putObserved(out, LocalDate.of(year, 7, 4), "Independence Day");
        out.put(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        out.put(thanksgiving(year), "Thanksgiving Day");
        putObserved(out, LocalDate.of(year, 12, 25), "Christmas Day");
        SPECIAL_CLOSURES.forEach((date, name) -> {
            if (date.getYear() == year) {
                out.put(date, name);
            }
        });
        return out;
    }

    /**
     * 13:00 early closes of {@code year}: the day before Independence Day, the day after Thanksgiving
     * and Christmas Eve, each only when it is itself a trading day.
     */
    public static Map<LocalDate, String> earlyCloses(int year) {
        Map<LocalDate, String> holidays = holidays(year);
        Map<LocalDate, String> out = new TreeMap<>();
        putIfTrading(out, holidays, LocalDate.of(year, 7, 3), "Day before Independence Day");
        putIfTrading(out, holidays, thanksgiving(year).plusDays(1), "Day After Thanksgiving");
        putIfTrading(out, holidays, LocalDate.of(year, 12, 24), "Christmas Eve");
        return out;
    }

    private static void putIfTrading(Map<LocalDate, String> out, Map<LocalDate, String> holidays, LocalDate day,
                                     String name) {
        if (day.getDayOfWeek().getValue() <= 5 && !holidays.containsKey(day)) {
            out.put(day, name);
        }
    }

    private static void putObserved(Map<LocalDate, String> out, LocalDate day, String name) {
        switch (day.getDayOfWeek()) {
            case SATURDAY -> out.put(day.minusDays(1), name + " (observed)");
            case SUNDAY -> out.put(day.plusDays(1), name + " (observed)");
            default -> out.put(day, name);
        }
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Western (Gregorian) Easter Sunday, by the anonymous algorithm. */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
