package com.twsrobot.maintenance.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The one place that turns a cause (an exception, an HTTP status, with the host, the URL and what was
 * expected) into an operator's sentence, e.g. "could not connect to example.com:443 (connection refused)
 * while fetching https://example.com/page". Every error and warning built from an exception goes through
 * it, so no Java class name reaches a report, the CLI or the console for an expected failure; the type
 * stays in a report's {@code detail.cause} for debugging.
 */
public final class CauseFormatter {

    /**
     * A Java exception's class name inside a message ("java.io.IOException: ...", "ConnectException"), as
     * {@code toString()} writes it, with the ": " after it.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)\\b(?::\\s*)?"
                    + "|\\b[A-Z][A-Za-z0-9]*[a-z0-9](?:Exception|Error)\\b(?::\\s*)?");

    private CauseFormatter() {
    }

    /**
     * What went wrong, in words: the innermost cause that says something, without class names.
     *
     * @param cause any exception
     * @return e.g. "no such file /data/x.csv", "connection refused", or the exception's own message
     */
    public static String describe(Throwable cause) {
        Throwable t = unwrap(cause);
        if (t == null) {
            return "an unknown failure";
        }
        if (known(t, null) != null) {
            return inChain(t, null); // a connect failure may wrap the more telling unresolvable host
        }
        if (t.getMessage() != null && CLASS_NAME.matcher(t.getMessage()).find()) {
            // A message built from another exception's toString(): the cause says it better, if it is known.
            String known = firstCause(t, c -> inChain(c, null));
            if (known != null) {
                return known;
            }
        }
        String own = message(t);
        if (own != null) {
            return own; // the library's own exceptions already say what happened
        }
        // A bare exception (no message): what its cause says, else what kind of failure it is.
        String said = firstCause(t, c -> {
            String k = inChain(c, null);
            return k != null ? k : message(c);
        });
        return said != null ? said : kind(t);
    }

    /** The first non-null of {@code say} over {@code t}'s causes, nearest first; null when none says anything. */
    private static String firstCause(Throwable t, java.util.function.Function<Throwable, String> say) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            String s = say.apply(c);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /**
     * A network failure of a request to {@code uri}, naming the host and the URL.
     *
     * @param cause the failure
     * @param uri   what was asked
     * @return e.g. "could not connect to example.com:443 (connection refused) while fetching https://example.com/x"
     */
    public static String describe(Throwable cause, URI uri) {
        String known = inChain(unwrap(cause), uri);
        return (known != null ? known : describe(cause)) + " while fetching " + uri;
    }

    /**
     * An answer that was not the one expected.
     *
     * @param status   the HTTP status
     * @param uri      what was asked
     * @param expected what a good answer would have been, e.g. "the calendar page"; empty to leave out
     * @return e.g. "HTTP 503 from www.example.com while fetching https://www.example.com/x (expected the calendar page)"
     */
    public static String status(int status, URI uri, String expected) {
        return "HTTP " + status + " from " + uri.getHost() + " while fetching " + uri
                + (expected == null || expected.isEmpty() ? "" : " (expected " + expected + ")");
    }

    /** Wrappers that only carry another exception: the one inside says what happened. */
    private static Throwable unwrap(Throwable t) {
        while (t != null && t.getCause() != null && t.getCause() != t
                && (t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof UncheckedIOException || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.lang.reflect.UndeclaredThrowableException
                || (t.getMessage() != null && t.getMessage().equals(t.getCause().toString())))) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The sentence for the most telling known failure in the chain: an unresolvable host, a timeout or a
     * TLS failure (the JDK wraps them in a connect failure) before any other kind; null when none is known.
     */
    private static String inChain(Throwable t, URI uri) {
        Throwable specific = specific(t);
        if (specific != null) {
            return known(specific, uri);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String known = known(c, uri);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    /** The first cause in the chain that names the failure more precisely than "could not connect". */
    private static Throwable specific(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException
                    || c instanceof HttpTimeoutException || c instanceof SocketTimeoutException
                    || c instanceof javax.net.ssl.SSLException) {
                return c;
            }
        }
        return null;
    }

    /** The sentence for a failure of a known kind, or null. */
    private static String known(Throwable t, URI uri) {
        String host = uri == null ? null : uri.getHost();
        String hostPort = uri == null ? null : host + ":" + (uri.getPort() > 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            String named = host != null ? host : message(t);
            return named == null ? "cannot resolve the host name" : "cannot resolve host " + named;
        }
        if (t instanceof HttpConnectTimeoutException) {
            return hostPort == null ? "could not connect in time" : "could not connect to " + hostPort + " in time";
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return hostPort == null ? "no answer in time" : "no answer from " + hostPort + " in time";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            String why = message(t);
            // The JDK's client reports a refused connect as a bare ConnectException without a message.
            String reason = why == null || why.toLowerCase(Locale.ROOT).contains("refused") ? "connection refused"
                    : why;
            return hostPort == null ? "could not connect (" + reason + ")"
                    : "could not connect to " + hostPort + " (" + reason + ")";
        }
        if (t instanceof javax.net.ssl.SSLException) {
            String why = message(t);
            return "TLS handshake" + (host == null ? "" : " with " + host) + " failed" + (why == null ? "" : " (" + why + ")");
        }
        if (t instanceof NoSuchFileException f) {
            return "no such file " + f.getFile();
        }
        if (t instanceof AccessDeniedException f) {
            return "permission denied for " + f.getFile();
        }
        if (t instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists";
        }
        if (t instanceof NotDirectoryException f) {
            return f.getFile() + " is not a directory";
        }
        if (t instanceof DirectoryNotEmptyException f) {
            return "the directory " + f.getFile() + " is not empty";
        }
        if (t instanceof FileSystemException f) {
            String reason = f.getReason() == null ? "a file system error" : f.getReason();
            return f.getFile() == null ? reason : reason + " (" + f.getFile()
                    + (f.getOtherFile() == null ? "" : ", " + f.getOtherFile()) + ")";
        }
        if (t instanceof EOFException) {
            return message(t) == null ? "the data ended early" : "the data ended early (" + message(t) + ")";
        }
        if (t instanceof TimeoutException) {
            return message(t) == null ? "did not finish in time" : message(t);
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (t instanceof StackOverflowError) {
            return "the input is nested too deeply";
        }
        return null;
    }

    /** The exception's own message without the class names in it; null when nothing else is left. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return null;
        }
        String stripped = CLASS_NAME.matcher(m).replaceAll("").strip();
        // What joined the names ("a; b", "(x)") may be all that is left: then the message said nothing else.
        stripped = stripped.replaceAll("^[;,:\\s]+|[;,:\\s]+$", "").replaceAll("(?:[;,]\\s*){2,}", "; ");
        return stripped.chars().anyMatch(Character::isLetterOrDigit) ? stripped : null;
    }

    /** What kind of failure a bare exception is, in words. */
    private static String kind(Throwable t) {
        if (t instanceof IOException) {
            return "an input/output error";
        }
        if (t instanceof NullPointerException || t instanceof IllegalStateException
                || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException) {
            return "an internal error (see the log and the report's detail.cause)";
        }
        if (t instanceof IllegalArgumentException) {
            return "an invalid value";
        }
        if (t instanceof UnsupportedOperationException) {
            return "an operation this component does not support";
        }
        return "an unexpected failure (see the report's detail.cause)";
    }
}
