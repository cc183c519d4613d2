package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.Bounded;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.sources.events.FomcCalendarParser;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parse itself stops at its deadline (issue 21 item 7), shown by the mechanism: the deadline is
 * moved past on an injected clock (or the runner abandons the work), the parse fails saying so, its
 * thread ends, and it used well under a second of CPU after that moment.
 */
class ParseDeadlineTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Generous: only a hang would take this long; the parse ends within a chunk's work. */
    private static final long JOIN_MS = 60_000;
    /** CPU a parse may use after its deadline: the "no more than a second". */
    private static final long CPU_AFTER_DEADLINE_NS = Duration.ofSeconds(1).toNanos();

    /** A page of nested tables whose full parse takes seconds of CPU. */
    private static final String NESTED = "<html><body>"
            + "<table><tr><th>Ticker</th><th>Name</th></tr><tr><td>".repeat(200_000);

    @Test
    void aParseFailsOnceItsDeadlinePassesOnTheRunnersClockAndItsThreadEnds() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T09:00:00Z");
        Deadline deadline = Deadline.in(Duration.ofSeconds(30), clock);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong cpuAtEnd = new AtomicLong();
        Thread parse = new Thread(() -> {
            try {
                new HsiSource().parse(NESTED, "file:/nested.html", deadline);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                cpuAtEnd.set(THREADS.getCurrentThreadCpuTime());
            }
        }, "parse-under-test");
        parse.start();
        long cpuBusy = cpuOnceBusy(parse);

        clock.advance(Duration.ofSeconds(31)); // the deadline passes: nothing else changes
        // The CPU time at that moment, read after it: a busy machine may hold this thread between the two
        // calls while the parse runs on, and that CPU was used before the deadline, not after it.
        long cpuAtDeadline = Math.max(cpuBusy, THREADS.getThreadCpuTime(parse.getId())); // -1 once it ended
        parse.join(JOIN_MS);

        assertThat(parse.getState()).isEqualTo(Thread.State.TERMINATED);
        assertThat(failure.get()).isInstanceOf(SourceException.class)
                .hasMessageContaining("parsing did not finish within the 30.0 s deadline");
        assertThat(cpuAtEnd.get() - cpuAtDeadline).isLessThan(CPU_AFTER_DEADLINE_NS);
    }

    @Test
    void aSourceTheRunnerAbandonsStopsParsingEvenWhenItsClockNeverMoves() throws Exception {
        // A fixed clock: the source's own deadline never passes, only the runner's interrupt can stop it.
        Deadline never = Deadline.in(Duration.ofSeconds(30),
                Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), java.time.ZoneOffset.UTC));
        String name = "source-abandoned-" + System.identityHashCode(this);
        Bounded.Started<?> started = Bounded.start(name, () -> new HsiSource().parse(NESTED, "file:/nested.html", never));
        Thread worker = thread(name);
        cpuOnceBusy(worker);

        started.cancel(); // what the runner does at its bound
        worker.join(JOIN_MS);

        assertThat(worker.getState()).isEqualTo(Thread.State.TERMINATED);
        assertThat(THREADS.getThreadCpuTime(worker.getId())).as("a finished thread reports no CPU time").isEqualTo(-1);
        assertThatThrownBy(() -> started.await(Duration.ofMillis(1)))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void theFedPageParseStopsAtItsDeadlineToo() {
        MutableClock clock = MutableClock.at("2026-12-03T09:00:00Z");
        Deadline deadline = Deadline.in(Duration.ofSeconds(5), clock);
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> FomcCalendarParser.parse("<html><body><div class=panel></div></body></html>",
                "https://fed.example/fomc", deadline))
                .isInstanceOf(ProviderException.class)
                .hasMessage("fomc: https://fed.example/fomc: parsing did not finish within the 5.0 s deadline");
    }

    @Test
    void aReaderHandsOutSmallChunksSoTheCheckRunsOften() throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30), Clock.systemUTC());
        try (DeadlineReader reader = DeadlineReader.of("x".repeat(100_000), deadline)) {
            char[] buffer = new char[65_536];
            assertThat(reader.read(buffer, 0, buffer.length)).isEqualTo(DeadlineReader.CHUNK);
        }
    }

    /** The thread's CPU time once it has clearly started parsing (50 ms of CPU), bounded by {@link #JOIN_MS}. */
    private static long cpuOnceBusy(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(JOIN_MS).toNanos();
        while (System.nanoTime() < until) {
            long cpu = THREADS.getThreadCpuTime(thread.getId());
            assertThat(thread.isAlive()).as("the parse must still be running").isTrue();
            if (cpu > Duration.ofMillis(50).toNanos()) {
                return cpu;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the parse thread never got busy");
    }

    private static Thread thread(String name) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return t;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no thread " + name);
    }
}
