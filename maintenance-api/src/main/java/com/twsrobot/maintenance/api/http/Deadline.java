package com.twsrobot.maintenance.api.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A time by which all the work on one source or provider must be done (every try, retry, wait, body
 * and parse), read from a clock: the runner's, so a test's clock decides. Where a loop must end even
 * when the runner's clock stands still (a test's fixed clock), {@link #elapsing} measures the time from
 * a runner's instant on the JVM's monotonic timer instead.
 *
 * @param end   when it passes
 * @param total how long it was when set, for messages
 * @param clock what "now" is read from
 */
public record Deadline(Instant end, Duration total, Clock clock) {

    /**
     * {@code total} from now on {@code clock}.
     *
     * @param total how long the work may take
     * @param clock the runner's clock
     * @return the deadline
     */
    public static Deadline in(Duration total, Clock clock) {
        return new Deadline(clock.instant().plus(total), total, clock);
    }

    /**
     * {@code total} from {@code start} (a runner's instant, e.g. an events request's {@code now}), with the
     * time since measured on the monotonic timer: it passes however the runner's clock moves.
     *
     * @param total how long the work may take
     * @param start the runner's instant the work starts at
     * @return the deadline
     */
    public static Deadline elapsing(Duration total, Instant start) {
        return in(total, new ElapsedClock(start, System.nanoTime()));
    }

    /**
     * {@code total} from now, measured only as elapsed time on the monotonic timer: for work with no runner
     * behind it (a parse of a saved page), which needs a bound but no date.
     *
     * @param total how long the work may take
     * @return the deadline
     */
    public static Deadline measured(Duration total) {
        return elapsing(total, Instant.EPOCH);
    }

    /**
     * What is left, never negative.
     *
     * @return the time until {@link #end}, or zero once it passed
     */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Whether it passed.
     *
     * @return true once nothing remains
     */
    public boolean passed() {
        return remaining().isZero();
    }

    /**
     * For messages.
     *
     * @return "the 60 s deadline" (or milliseconds below a second)
     */
    public String describe() {
        return "the " + seconds(total) + " deadline";
    }

    /**
     * A duration as operators read it.
     *
     * @param d a duration
     * @return "250 ms" below a second, else seconds with one decimal ("1.5 s")
     */
    public static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : (d.toMillis() / 100) / 10.0 + " s";
    }

    /**
     * A runner's instant plus the time since, measured with {@link System#nanoTime()}: only ever a
     * duration, never the wall clock, so the runner's clock stays the one source of dates.
     */
    private static final class ElapsedClock extends Clock {
        private final Instant start;
        private final long startNanos;

        ElapsedClock(Instant start, long startNanos) {
            this.start = start;
            this.startNanos = startNanos;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // only instants are read from it
        }

        @Override
        public Instant instant() {
            return start.plusNanos(System.nanoTime() - startNanos); // a duration since start
        }
    }
}
