package com.twsrobot.maintenance.api.http;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When the HTTP stack asks again: after a network failure that is not final (a body over the cap, the
 * deadline, an interrupt are final) and after an answer whose status is in {@code statuses} or is a
 * server error (5xx), up to {@code attempts} tries in all. Waits start at {@code backoff} and double; an
 * answer's {@code Retry-After} (seconds or an HTTP date) replaces the wait, and one longer than
 * {@code maxRetryAfter} gives up. No wait goes past the deadline: the stack gives up instead. A
 * {@code disguised} answer (a success whose body is a throttling notice) is asked for again too.
 *
 * @param attempts      tries in all, at least 1
 * @param backoff       the first wait; doubles after each try
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param statuses      statuses below 500 that are worth asking again (throttling, timeouts)
 * @param disguised     answers that are not what was asked for although their status says so
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxRetryAfter, Set<Integer> statuses,
                          Predicate<HttpAnswer> disguised) {

    /** Throttling and timeouts: 408, 425, 429 (and every 5xx). */
    public static final Set<Integer> THROTTLING = Set.of(408, 425, 429);

    /** One try, never again (a login form, a request that must not be repeated). */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Set.of(),
            answer -> false);

    /**
     * Checks the values and copies the set.
     *
     * @param attempts      tries in all
     * @param backoff       the first wait
     * @param maxRetryAfter the longest Retry-After honoured
     * @param statuses      statuses below 500 retried
     * @param disguised     answers retried whatever their status
     * @throws IllegalArgumentException when attempts is below 1 or a duration is negative
     */
    public RetryPolicy {
        if (attempts < 1 || backoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt and non-negative waits");
        }
        statuses = Set.copyOf(statuses);
        disguised = disguised == null ? answer -> false : disguised;
    }

    /**
     * Retries of throttling, timeouts and server errors.
     *
     * @param attempts      tries in all
     * @param backoff       the first wait
     * @param maxRetryAfter the longest Retry-After honoured
     * @return the policy
     */
    public static RetryPolicy of(int attempts, Duration backoff, Duration maxRetryAfter) {
        return new RetryPolicy(attempts, backoff, maxRetryAfter, THROTTLING, answer -> false);
    }

    /**
     * This policy retrying other statuses below 500.
     *
     * @param retried the statuses
     * @return a new policy
     */
    public RetryPolicy withStatuses(Set<Integer> retried) {
        return new RetryPolicy(attempts, backoff, maxRetryAfter, retried, disguised);
    }

    /**
     * This policy also asking again after an answer {@code test} finds unusable whatever its status (a
     * rate-limited endpoint that answers 200 with "Too Many Requests").
     *
     * @param test true for an answer to ask again after
     * @return a new policy
     */
    public RetryPolicy withDisguised(Predicate<HttpAnswer> test) {
        return new RetryPolicy(attempts, backoff, maxRetryAfter, statuses, test);
    }

    /**
     * Whether this answer is asked for again (tries remaining).
     *
     * @param answer an answer
     * @return true for a retried status or a disguised answer
     */
    public boolean retries(HttpAnswer answer) {
        return retries(answer.status()) || disguised.test(answer);
    }

    /**
     * Whether an answer with this status is asked for again.
     *
     * @param status an HTTP status
     * @return true for a server error or one of {@link #statuses}
     */
    public boolean retries(int status) {
        return status >= 500 || statuses.contains(status);
    }

    /**
     * The wait after try {@code attempt} when the answer named none.
     *
     * @param attempt the try just made, from 1
     * @return {@code backoff} doubled {@code attempt - 1} times
     */
    public Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(20, attempt - 1));
    }
}
