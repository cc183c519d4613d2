package com.twsrobot.maintenance.api.http;

import java.time.Duration;

/**
 * How the HTTP stack waits between tries: the thread's sleep in a runner, a recording fake in a test
 * (which can move its clock instead of waiting).
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the current thread. */
    Sleeper THREAD = pause -> Thread.sleep(pause.toMillis());

    /**
     * Waits {@code pause}.
     *
     * @param pause how long
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    void sleep(Duration pause) throws InterruptedException;
}
