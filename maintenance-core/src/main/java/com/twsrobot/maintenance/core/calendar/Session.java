package com.twsrobot.maintenance.core.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/** One trading day: open, close and the midday break, in the exchange's time zone. */
public record Session(Exchange exchange, LocalDate date, ZonedDateTime open, ZonedDateTime close,
                      Optional<ZonedDateTime> breakStart, Optional<ZonedDateTime> breakEnd) {
}
