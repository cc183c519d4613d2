package com.twsrobot.maintenance.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trading sessions of NYSE, SGX and HKEX. NYSE is computed from its rules for any year; SGX and HKEX
 * closures, half days and special sessions come from the bundled {@code exchange-calendar.csv}
 * (sources cited in it) and are known only within its coverage — outside it this calendar says so
 * rather than guess.
 */
public final class ExchangeCalendar {

    private static final LocalTime NYSE_OPEN = LocalTime.of(9, 30);
    private static final LocalTime NYSE_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime NYSE_EARLY_CLOSE = LocalTime.of(13, 0);
    /** SGX reinstated its 12:00-13:00 midday break on this day. */
    static final LocalDate SGX_BREAK_FROM = LocalDate.of(2017, 11, 13);

    private record Special(String kind, LocalTime open, LocalTime close, LocalTime breakStart, LocalTime breakEnd) {
    }

    private record Data(Map<LocalDate, Special> days, LocalDate from, LocalDate to) {
    }

    private static final Map<Exchange, Data> DATA = load();

    private final Exchange exchange;
    /** The operator's corrections and additions (data/calendars/<EXCHANGE>.csv); they win over the bundled days. */
    private final Map<LocalDate, Special> overrides;
    private final LocalDate overrideEnd;

    private ExchangeCalendar(Exchange exchange, Map<LocalDate, Special> overrides, LocalDate overrideEnd) {
        this.exchange = exchange;
        this.overrides = overrides;
        this.overrideEnd = overrideEnd;
    }

    public static ExchangeCalendar of(Exchange exchange) {
        return new ExchangeCalendar(exchange, Map.of(), null);
    }

    /** Every exchange's calendar as bundled, without the operator's overrides. */
    public static List<ExchangeCalendar> bundled() {
        return java.util.Arrays.stream(Exchange.values()).map(ExchangeCalendar::of).toList();
    }

    /**
     * This calendar with an operator's override days on top: each day closed or a half day closing at
     * {@code close}, and known (covered) through {@code coverageEnd} if that is later than the bundled data.
     */
    public ExchangeCalendar withOverrides(List<CalendarOverrides.Day> days, LocalDate coverageEnd) {
        Map<LocalDate, Special> map = new HashMap<>(overrides);
        for (CalendarOverrides.Day d : days) {
            map.put(d.date(), new Special(d.kind(), null, d.close(), null, null));
        }
        LocalDate end = overrideEnd == null || (coverageEnd != null && coverageEnd.isAfter(overrideEnd)) ? coverageEnd
                : overrideEnd;
        return new ExchangeCalendar(exchange, Map.copyOf(map), end);
    }

    public Exchange exchange() {
        return exchange;
    }

    /** Whether this calendar knows the holidays of {@code date}. */
    public boolean covers(LocalDate date) {
        if (exchange == Exchange.NYSE) {
            return true;
        }
        Data data = DATA.get(exchange);
        return !date.isBefore(data.from()) && !date.isAfter(coverageEnd().orElseThrow());
    }

    /** The last day whose holidays are known (NYSE: none, it is computed), overrides included. */
    public Optional<LocalDate> coverageEnd() {
        if (exchange == Exchange.NYSE) {
            return Optional.empty();
        }
        LocalDate bundled = DATA.get(exchange).to();
        return Optional.of(overrideEnd != null && overrideEnd.isAfter(bundled) ? overrideEnd : bundled);
    }

    /**
     * The session on {@code date}, or empty on a weekend or holiday.
     *
     * @throws IllegalArgumentException for a date outside this calendar's coverage
     */
    public Optional<Session> session(LocalDate date) {
        if (!covers(date)) {
            throw new IllegalArgumentException(exchange + " holidays are known only from " + DATA.get(exchange).from()
                    + " to " + DATA.get(exchange).to() + ", not for " + date);
        }
        if (date.getDayOfWeek().getValue() > 5) {
            return Optional.empty();
        }
        Special override = overrides.get(date);
        if (override != null) {
            Optional<Session> regular = exchange == Exchange.NYSE ? Optional.of(session(date, NYSE_OPEN, NYSE_CLOSE, null, null))
                    : regular(date);
            return override.kind().equals("closed") ? Optional.empty()
                    : regular.map(r -> session(date, r.open().toLocalTime(), override.close(), null, null));
        }
        return switch (exchange) {
            case NYSE -> nyse(date);
            case SGX -> fromData(date, LocalTime.of(9, 0), LocalTime.of(17, 0),
                    !date.isBefore(SGX_BREAK_FROM) ? LocalTime.NOON : null, !date.isBefore(SGX_BREAK_FROM) ? LocalTime.of(13, 0) : null);
            case HKEX -> fromData(date, LocalTime.of(9, 30), LocalTime.of(16, 0), LocalTime.NOON, LocalTime.of(13, 0));
        };
    }

    /** The exchange's ordinary weekday session, without the bundled specials. */
    private Optional<Session> regular(LocalDate date) {
        return switch (exchange) {
            case NYSE -> Optional.of(session(date, NYSE_OPEN, NYSE_CLOSE, null, null));
            case SGX -> Optional.of(session(date, LocalTime.of(9, 0), LocalTime.of(17, 0), null, null));
            case HKEX -> Optional.of(session(date, LocalTime.of(9, 30), LocalTime.of(16, 0), null, null));
        };
    }

    private Optional<Session> nyse(LocalDate date) {
        if (UsMarketHolidays.holidays(date.getYear()).containsKey(date)) {
            return Optional.empty();
        }
        boolean early = UsMarketHolidays.earlyCloses(date.getYear()).containsKey(date);
        return Optional.of(session(date, NYSE_OPEN, early ? NYSE_EARLY_CLOSE : NYSE_CLOSE, null, null));
    }

    private Optional<Session> fromData(LocalDate date, LocalTime open, LocalTime close, LocalTime breakStart,
                                       LocalTime breakEnd) {
        Special special = DATA.get(exchange).days().get(date);
        if (special == null) {
            return Optional.of(session(date, open, close, breakStart, breakEnd));
        }
        return switch (special.kind()) {
            case "closed" -> Optional.empty();
            case "half_day" -> Optional.of(session(date, special.open(), special.close(), null, null));
            default -> Optional.of(session(date, special.open(), special.close(), special.breakStart(), special.breakEnd()));
        };
    }

    private Session session(LocalDate date, LocalTime open, LocalTime close, LocalTime breakStart, LocalTime breakEnd) {
        return new Session(exchange, date, ZonedDateTime.of(date, open, exchange.zone()),
                ZonedDateTime.of(date, close, exchange.zone()),
                Optional.ofNullable(breakStart).map(t -> ZonedDateTime.of(date, t, exchange.zone())),
                Optional.ofNullable(breakEnd).map(t -> ZonedDateTime.of(date, t, exchange.zone())));
    }

    private static Map<Exchange, Data> load() {
        Map<Exchange, Map<LocalDate, Special>> days = new EnumMap<>(Exchange.class);
        Map<Exchange, LocalDate[]> coverage = new HashMap<>();
        try (InputStream in = ExchangeCalendar.class.getResourceAsStream("exchange-calendar.csv")) {
            if (in == null) {
                throw new IllegalStateException("exchange-calendar.csv is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Exchange exchange = Exchange.valueOf(f[0]);
                LocalDate date = LocalDate.parse(f[1]);
                LocalDate[] range = coverage.computeIfAbsent(exchange, e -> new LocalDate[2]);
                switch (f[2]) {
                    case "coverage_start" -> range[0] = date;
                    case "coverage_end" -> range[1] = date;
                    default -> days.computeIfAbsent(exchange, e -> new HashMap<>()).put(date,
                            new Special(f[2], time(f[3]), time(f[4]), time(f[5]), time(f[6])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Exchange, Data> out = new EnumMap<>(Exchange.class);
        coverage.forEach((exchange, range) -> out.put(exchange,
                new Data(Map.copyOf(days.getOrDefault(exchange, Map.of())), range[0], range[1])));
        return out;
    }

    private static LocalTime time(String text) {
        return text.isEmpty() ? null : LocalTime.parse(text);
    }
}
