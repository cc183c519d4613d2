package com.twsrobot.maintenance.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether NYSE, SGX or HKEX is in session at an instant, in words an operator reads before applying:
 * "NYSE appears open (closes 16:00 America/New_York)". Metadata runs are allowed during market hours;
 * this only warns.
 */
public final class MarketClock {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private MarketClock() {
    }

    /** One warning per exchange that is in session (or in its midday break) at {@code now}, or whose calendar is unknown then. */
    public static List<String> openMarketWarnings(Instant now) {
        List<ExchangeCalendar> bundled = new ArrayList<>();
        for (Exchange exchange : Exchange.values()) {
            bundled.add(ExchangeCalendar.of(exchange));
        }
        return openMarketWarnings(now, bundled);
    }

    /** Like {@link #openMarketWarnings(Instant)}, with these calendars (the operator's overrides applied). */
    public static List<String> openMarketWarnings(Instant now, List<ExchangeCalendar> calendars) {
        List<String> out = new ArrayList<>();
        for (ExchangeCalendar calendar : calendars) {
            warning(calendar, now).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The calendars of the exchanges that matter to a runner: those its indices trade on
     * ({@link com.twsrobot.maintenance.api.IndexSpec#exchange()}, by MIC).
     */
    public static List<ExchangeCalendar> of(List<ExchangeCalendar> calendars, java.util.Set<String> mics) {
        return calendars.stream().filter(c -> mics.contains(c.exchange().mic())).toList();
    }

    /** How long before a calendar's known data ends the operator is warned. */
    public static final int COVERAGE_WARNING_DAYS = 60;

    /**
     * A warning for each exchange whose known holidays end within {@link #COVERAGE_WARNING_DAYS} days of
     * {@code today} (or already ended), naming the override file that extends it.
     */
    public static List<String> coverageWarnings(LocalDate today, List<ExchangeCalendar> calendars, java.nio.file.Path dataDir) {
        List<String> out = new ArrayList<>();
        for (ExchangeCalendar calendar : calendars) {
            calendar.coverageEnd().filter(end -> !today.isBefore(end.minusDays(COVERAGE_WARNING_DAYS))).ifPresent(end -> {
                long left = java.time.temporal.ChronoUnit.DAYS.between(today, end);
                out.add(calendar.exchange() + " holiday calendar is known only to " + end + (left >= 0 ? " (" + left
                        + " days from now)" : " (ended " + -left + " days ago)") + ": add the coming year's closures to "
                        + CalendarOverrides.file(dataDir, calendar.exchange()).toAbsolutePath()
                        + " (date,closed|half_day,close,note; a coverage_end line extends it) or upgrade");
            });
        }
        return out;
    }

    /**
     * The first instant at or after {@code from} when none of these exchanges is in session, per this
     * clock: a midday break counts as in session (the clock warns through it, and it is an hour between
     * two halves of one trading day), and so do weekday hours 09:00-17:00 local where a calendar's
     * holidays are unknown.
     */
    public static Instant nextOffPeak(Instant from, List<ExchangeCalendar> calendars) {
        Instant t = from;
        // Each step jumps to the end of a session in progress, so a few steps reach a quiet instant;
        // the bound only guards against a calendar that never closes.
        for (int step = 0; step < 64; step++) {
            Instant busyUntil = t;
            for (ExchangeCalendar calendar : calendars) {
                Optional<Instant> end = busyUntil(calendar, t);
                if (end.isPresent() && end.get().isAfter(busyUntil)) {
                    busyUntil = end.get();
                }
            }
            if (busyUntil.equals(t)) {
                return t;
            }
            t = busyUntil;
        }
        throw new IllegalStateException("no off-peak instant found within 64 sessions after " + from);
    }

    /** When the session in progress at {@code now} ends (its close, through any midday break), or empty if none is. */
    static Optional<Instant> busyUntil(ExchangeCalendar calendar, Instant now) {
        ZonedDateTime local = now.atZone(calendar.exchange().zone());
        LocalDate day = local.toLocalDate();
        if (!calendar.covers(day)) {
            boolean weekdayHours = day.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 17;
            return weekdayHours ? Optional.of(day.atTime(17, 0).atZone(calendar.exchange().zone()).toInstant())
                    : Optional.empty();
        }
        return calendar.session(day).filter(s -> !now.isBefore(s.open().toInstant()) && now.isBefore(s.close().toInstant()))
                .map(s -> s.close().toInstant());
    }

    static Optional<String> warning(ExchangeCalendar calendar, Instant now) {
        Exchange exchange = calendar.exchange();
        ZonedDateTime local = now.atZone(exchange.zone());
        LocalDate day = local.toLocalDate();
        if (!calendar.covers(day)) {
            boolean weekdayHours = day.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 17;
            return weekdayHours ? Optional.of(exchange + " holiday calendar is unknown for " + day + " (known to "
                    + calendar.coverageEnd().map(LocalDate::toString).orElse("?") + "); it may be open now") : Optional.empty();
        }
        Optional<Session> session = calendar.session(day);
        if (session.isEmpty() || now.isBefore(session.get().open().toInstant()) || !now.isBefore(session.get().close().toInstant())) {
            return Optional.empty();
        }
        Session s = session.get();
        String closes = "closes " + HM.format(s.close()) + " " + exchange.zone().getId();
        if (s.breakStart().isPresent() && !now.isBefore(s.breakStart().get().toInstant())
                && now.isBefore(s.breakEnd().get().toInstant())) {
            return Optional.of(exchange + " is in its midday break (reopens " + HM.format(s.breakEnd().get()) + ", "
                    + closes + ")");
        }
        return Optional.of(exchange + " appears open (" + closes + ")");
    }
}
