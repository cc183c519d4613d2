package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.http.Deadline;

import java.io.Reader;
import java.io.StringReader;

/**
 * A reader that stops a parse at its deadline: every read first checks the deadline and the thread's
 * interrupt flag (set when the runner abandons the source), and hands out at most {@link #CHUNK}
 * characters, so a parser fed through it checks often however slow each character is to digest (a
 * page of a hundred thousand nested tables). Stopping is an unchecked {@link HtmlTable.ParseInterrupted},
 * which parsers pass through unchanged.
 */
public final class DeadlineReader extends Reader {

    /** Most characters handed out per read: jsoup asks for about 1 K at a time anyway. */
    static final int CHUNK = 4096;

    private final Reader in;
    private final Deadline deadline;

    public DeadlineReader(Reader in, Deadline deadline) {
        this.in = in;
        this.deadline = deadline;
    }

    /** A reader over {@code text} that stops at {@code deadline}. */
    public static DeadlineReader of(String text, Deadline deadline) {
        return new DeadlineReader(new StringReader(text), deadline);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws java.io.IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new HtmlTable.ParseInterrupted("parsing was stopped: the source was abandoned at its deadline");
        }
        if (deadline.passed()) {
            throw new HtmlTable.ParseInterrupted("parsing did not finish within " + deadline.describe());
        }
        return in.read(buffer, offset, Math.min(length, CHUNK));
    }

    @Override
    public void close() throws java.io.IOException {
        in.close();
    }
}
