package com.twsrobot.maintenance.core.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The operator's calendar corrections and additions, one file per exchange:
 * {@code <data>/calendars/<EXCHANGE>.csv} ({@code NYSE.csv}, {@code SGX.csv}, {@code HKEX.csv}), lines of
 * {@code date,kind,close,note} with {@code kind} one of {@code closed}, {@code half_day} (with its close
 * time, {@code HH:MM} local) or {@code coverage_end} (the calendar is known through that date). An
 * optional header line and {@code #} comments are allowed. A malformed file is an error naming the
 * file and line, never silently ignored. They extend or correct the bundled data without a release.
 */
public final class CalendarOverrides {

    /** The folder below the data directory. */
    public static final String DIR = "calendars";

    /** One override line. */
    public record Day(LocalDate date, String kind, LocalTime close, String note) {
    }

    /** A file's days and how far it says the calendar is known. */
    public record Override(Path file, List<Day> days, LocalDate coverageEnd) {
    }

    /** A malformed override file; the message names the file and line. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private CalendarOverrides() {
    }

    /** The override file of {@code exchange} below {@code dataDir} (it need not exist). */
    public static Path file(Path dataDir, Exchange exchange) {
        return dataDir.resolve(DIR).resolve(exchange.name() + ".csv");
    }

    /** Each exchange's calendar with its override file applied, if there is one. */
    public static List<ExchangeCalendar> calendars(Path dataDir) throws MalformedException {
        List<ExchangeCalendar> out = new ArrayList<>();
        for (Exchange exchange : Exchange.values()) {
            ExchangeCalendar calendar = ExchangeCalendar.of(exchange);
            Path file = file(dataDir, exchange);
            if (Files.exists(file)) {
                Override o = read(file);
                calendar = calendar.withOverrides(o.days(), o.coverageEnd());
            }
            out.add(calendar);
        }
        return out;
    }

    /**
     * {@link #calendars(Path)}, or the bundled calendars while an override file is malformed: for a warning
     * or a schedule that must go on (the run itself reports the malformed file).
     */
    public static List<ExchangeCalendar> calendarsOrBundled(Path dataDir) {
        try {
            return calendars(dataDir);
        } catch (MalformedException e) {
            return ExchangeCalendar.bundled();
        }
    }

    /** Reads and validates one file. */
    public static Override read(Path file) throws MalformedException {
        List<String> lines;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new MalformedException(file.toAbsolutePath() + ": larger than 1 MiB; an override file lists days");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedException(file.toAbsolutePath() + ": cannot be read: "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
        List<Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        LocalDate coverageEnd = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file.toAbsolutePath() + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("date,"))) {
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length < 2) {
                throw new MalformedException(where + "expected date,kind,close,note, got '" + line + "'");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[0].strip());
            } catch (DateTimeParseException e) {
                throw new MalformedException(where + "'" + f[0].strip() + "' is not a date (YYYY-MM-DD)");
            }
            String kind = f[1].strip();
            String close = f.length > 2 ? f[2].strip() : "";
            String note = f.length > 3 ? f[3].strip() : "";
            switch (kind) {
                case "closed" -> {
                    if (!close.isEmpty()) {
                        throw new MalformedException(where + "a closed day has no close time (got '" + close + "')");
                    }
                    days.add(new Day(date, kind, null, note));
                }
                case "half_day" -> {
                    LocalTime time;
                    try {
                        time = LocalTime.parse(close);
                    } catch (DateTimeParseException e) {
                        throw new MalformedException(where + "a half day needs its close time as HH:MM, got '" + close + "'");
                    }
                    days.add(new Day(date, kind, time, note));
                }
                case "coverage_end" -> coverageEnd = coverageEnd == null || date.isAfter(coverageEnd) ? date : coverageEnd;
                default -> throw new MalformedException(where + "kind must be closed, half_day or coverage_end, got '"
                        + kind + "'");
            }
            if (!kind.equals("coverage_end") && !seen.add(date)) {
                throw new MalformedException(where + date + " is listed twice");
            }
        }
        return new Override(file, List.copyOf(days), coverageEnd);
    }
}
