package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.core.calendar.ExchangeCalendar;
import com.twsrobot.maintenance.core.calendar.MarketClock;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When scheduled dry runs are due: once a day, either at a fixed local time ({@code daily 02:30 Asia/Singapore})
 * or off-peak ({@code off-peak}, or {@code off-peak after 16:00 America/New_York}): from that day's anchor
 * time, the first instant none of the exchanges the runner's indices trade on (NYSE, SGX and HKEX for the
 * built-in three) is in session per {@link MarketClock#nextOffPeak}.
 * The anchor of a plain {@code off-peak} is 16:00 New York time, NYSE's regular close.
 *
 * @param offPeak whether the day's slot waits for the markets to be quiet
 * @param time    the local time of day (the fixed time, or the off-peak anchor)
 * @param zone    the zone {@code time} is in, which also decides what "a day" is
 */
public record Schedule(boolean offPeak, LocalTime time, ZoneId zone) {

    /** The anchor of a plain {@code off-peak}: NYSE's regular close. */
    public static final LocalTime OFF_PEAK_ANCHOR = LocalTime.of(16, 0);
    public static final ZoneId OFF_PEAK_ZONE = ZoneId.of("America/New_York");

    static final String FORMS = "'daily HH:MM ZONE' (e.g. daily 02:30 Asia/Singapore), 'off-peak', "
            + "'off-peak after HH:MM ZONE' or 'off'";

    public Schedule {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Reads a schedule setting; empty for {@code off}.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static Optional<Schedule> parse(String text) {
        String[] words = text.trim().split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (words.length == 1 && first.equals("off")) {
            return Optional.empty();
        }
        if (words.length == 1 && first.equals("off-peak")) {
            return Optional.of(new Schedule(true, OFF_PEAK_ANCHOR, OFF_PEAK_ZONE));
        }
        if (words.length == 3 && first.equals("daily")) {
            return Optional.of(new Schedule(false, time(words[1], text), zone(words[2], text)));
        }
        if (words.length == 4 && first.equals("off-peak") && words[1].equalsIgnoreCase("after")) {
            return Optional.of(new Schedule(true, time(words[2], text), zone(words[3], text)));
        }
        throw new com.twsrobot.maintenance.api.ConfigurationException("'" + text.trim() + "' is not a schedule; use " + FORMS);
    }

    private static LocalTime time(String word, String text) {
        try {
            if (!word.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:MM", word, 0);
            }
            return LocalTime.parse(word);
        } catch (DateTimeParseException e) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("'" + word + "' in '" + text.trim() + "' is not a time of day HH:MM (00:00 to 23:59)");
        }
    }

    private static ZoneId zone(String word, String text) {
        try {
            return ZoneId.of(word);
        } catch (DateTimeException e) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("'" + word + "' in '" + text.trim() + "' is not a time zone (e.g. UTC, "
                    + "America/New_York, Asia/Singapore)");
        }
    }

    /** The day's due instant: the local time, or for off-peak the first quiet instant from it. */
    public Instant slotOn(LocalDate day, List<ExchangeCalendar> calendars) {
        Instant anchor = day.atTime(time).atZone(zone).toInstant();
        return offPeak ? MarketClock.nextOffPeak(anchor, calendars) : anchor;
    }

    /** The first slot strictly after {@code after}. */
    public Instant nextAfter(Instant after, List<ExchangeCalendar> calendars) {
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 10; i++, day = day.plusDays(1)) {
            Instant slot = slotOn(day, calendars);
            if (slot.isAfter(after)) {
                return slot;
            }
        }
        throw new IllegalStateException("no slot of " + this + " within 10 days after " + after);
    }

    /** The newest slot at or before {@code now}. */
    public Instant latestAtOrBefore(Instant now, List<ExchangeCalendar> calendars) {
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 10; i++, day = day.minusDays(1)) {
            Instant slot = slotOn(day, calendars);
            if (!slot.isAfter(now)) {
                return slot;
            }
        }
        throw new IllegalStateException("no slot of " + this + " within 10 days before " + now);
    }

    /** The setting's own words, e.g. {@code off-peak after 16:00 America/New_York}. */
    @Override
    public String toString() {
        return (offPeak ? "off-peak after " : "daily ") + time + " " + zone.getId();
    }
}
