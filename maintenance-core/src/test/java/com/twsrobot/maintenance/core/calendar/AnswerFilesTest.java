package com.twsrobot.maintenance.core.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock against the exchange_calendars answer files in src/test/resources/calendars (copied with their Apache-2.0 attribution), for every
 * day from 2015 to each file's end. SGX sessions are compared only before 2017-11-13 (the file lacks
 * the midday break and half days since; its holidays stay right).
 */
class AnswerFilesTest {

    private static final LocalDate FROM = LocalDate.of(2015, 1, 1);

    private record Row(Instant open, Instant close, Optional<Instant> breakStart, Optional<Instant> breakEnd) {
    }

    private static Map<LocalDate, Row> answers(String file) throws IOException {
        Path path = Path.of("src/test/resources/calendars", file);
        Map<LocalDate, Row> out = new TreeMap<>();
        for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
            String[] f = line.split(",", -1);
            LocalDate day = LocalDate.parse(f[0].substring(0, 10));
            if (!day.isBefore(FROM)) {
                out.put(day, new Row(Instant.parse(f[1]), Instant.parse(f[2]),
                        f[3].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(f[3])),
                        f[4].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(f[4]))));
            }
        }
        return out;
    }

    private static List<String> compare(Exchange exchange, String file, boolean sessionTimesUntil2017Only) throws IOException {
        Map<LocalDate, Row> answers = answers(file);
        LocalDate last = ((TreeMap<LocalDate, Row>) answers).lastKey();
        ExchangeCalendar calendar = ExchangeCalendar.of(exchange);
        List<String> mismatches = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(last); day = day.plusDays(1)) {
            Row expected = answers.get(day);
            Optional<Session> actual = calendar.session(day);
            if (expected == null || actual.isEmpty()) {
                if ((expected == null) != actual.isEmpty()) {
                    mismatches.add(day + ": answer " + (expected == null ? "closed" : "open") + ", clock "
                            + (actual.isEmpty() ? "closed" : "open"));
                }
                continue;
            }
            if (sessionTimesUntil2017Only && !day.isBefore(ExchangeCalendar.SGX_BREAK_FROM)) {
                continue;
            }
            Session s = actual.get();
            Row got = new Row(s.open().toInstant(), s.close().toInstant(), s.breakStart().map(z -> z.toInstant()),
                    s.breakEnd().map(z -> z.toInstant()));
            if (!got.equals(expected)) {
                mismatches.add(day + ": answer " + expected + ", clock " + got);
            }
        }
        return mismatches;
    }

    @Test
    void nyseAgreesWithEverySessionSince2015() throws IOException {
        assertThat(compare(Exchange.NYSE, "xnys.csv", false)).isEmpty();
    }

    @Test
    void hkexAgreesWithEverySessionSince2015IncludingBreaksAndHalfDays() throws IOException {
        assertThat(compare(Exchange.HKEX, "xhkg.csv", false)).isEmpty();
    }

    @Test
    void sgxAgreesOnEveryHolidaySince2015AndOnSessionsBeforeTheBreakReturned() throws IOException {
        assertThat(compare(Exchange.SGX, "xses.csv", true)).isEmpty();
    }
}
