package com.twsrobot.maintenance.api.http;

import java.io.IOException;
import java.util.List;

/**
 * An exchange that brought no answer: its message is an operator's sentence (from
 * {@link com.twsrobot.maintenance.api.CauseFormatter}), its {@link #kind} says whether asking again can
 * help, and {@link #history} lists what every try of the exchange met.
 */
public final class HttpFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** The host could not be resolved, connected to or shaken hands with. */
        UNREACHABLE,
        /** No answer (headers) in time. */
        NO_ANSWER,
        /** The body broke off while it was read. */
        BODY_BROKEN,
        /** No more body data before the deadline. */
        BODY_STALLED,
        /** The body is over the cap: final, since the same body would come again and be read in full again. */
        TOO_LARGE,
        /** The deadline passed: final. */
        DEADLINE,
        /** The thread was interrupted: final. */
        INTERRUPTED
    }

    /** What kind of failure. */
    private final Kind kind;
    /** What every try met (an immutable list, serializable). */
    private final List<String> history;

    /**
     * A failure of one try.
     *
     * @param kind    what kind
     * @param message the operator's sentence
     * @param cause   the exception behind it, or null
     */
    public HttpFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, List.of(message));
    }

    private HttpFailure(Kind kind, String message, Throwable cause, List<String> history) {
        super(message, cause);
        this.kind = kind;
        this.history = List.copyOf(history);
    }

    /**
     * What kind of failure.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether asking again is pointless (a body over the cap, the deadline, an interrupt).
     *
     * @return true for a final failure
     */
    public boolean isFinal() {
        return kind == Kind.TOO_LARGE || kind == Kind.DEADLINE || kind == Kind.INTERRUPTED;
    }

    /**
     * What every try met, in order, ending with this failure (and why the stack stopped, when it gave up).
     *
     * @return one entry per try, e.g. {@code ["HTTP 503", "could not connect to ..."]}
     */
    public List<String> history() {
        return history;
    }

    /** This failure with the history of the whole exchange. */
    HttpFailure withHistory(List<String> tries) {
        return new HttpFailure(kind, getMessage(), getCause(), tries);
    }
}
