package com.twsrobot.maintenance.console;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value to go on with, or the answer to send instead (a refusal, a redirect): how the console's steps
 * say "stop here" without throwing. Errors are values, so a request's path through the code is read
 * top to bottom.
 *
 * @param <T> what a step produces when the request may go on
 */
final class Outcome<T> {

    private final T value;
    private final ConsoleResponse answer;

    private Outcome(T value, ConsoleResponse answer) {
        this.value = value;
        this.answer = answer;
    }

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    /** Stop and send {@code answer}. */
    static <T> Outcome<T> answer(ConsoleResponse answer) {
        return new Outcome<>(null, Objects.requireNonNull(answer, "answer"));
    }

    /** Stop with a JSON {@code {"error": message}} of that status. */
    static <T> Outcome<T> refuse(int status, String message) {
        return answer(Answers.error(status, message));
    }

    static <T> Outcome<T> badRequest(String message) {
        return refuse(400, message);
    }

    boolean stopped() {
        return answer != null;
    }

    /** The next step, when this one let the request go on. */
    <R> Outcome<R> then(Function<? super T, Outcome<R>> next) {
        return answer != null ? answer(answer) : next.apply(value);
    }

    <R> Outcome<R> map(Function<? super T, R> next) {
        return answer != null ? answer(answer) : of(next.apply(value));
    }

    /** The answer: {@code last} of the value, or the answer a step stopped with. */
    ConsoleResponse respond(Function<? super T, ConsoleResponse> last) {
        return answer != null ? answer : last.apply(value);
    }

    /** The value; only when not {@link #stopped()}. */
    T value() {
        if (answer != null) {
            throw new IllegalStateException("a stopped outcome has no value");
        }
        return value;
    }

    /** The answer a step stopped with; only when {@link #stopped()}. */
    ConsoleResponse stoppedWith() {
        if (answer == null) {
            throw new IllegalStateException("the request goes on");
        }
        return answer;
    }
}
