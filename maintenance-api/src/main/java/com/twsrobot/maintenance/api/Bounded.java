package com.twsrobot.maintenance.api;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a piece of work (a source's fetch and parse, an event provider) on its own daemon thread and
 * waits at most a given time for it. Past that the caller gets {@link TimeoutException} and the work
 * is interrupted and abandoned, so a source that ignores its own deadline can never hold a run (and
 * its lock) for longer than the bound.
 */
public final class Bounded {

    private Bounded() {
    }

    /**
     * The result of {@code work}, or its exception as thrown.
     *
     * @param <T>        what the work returns
     * @param threadName names the worker thread (shown in thread dumps)
     * @param limit      the longest to wait
     * @param work       the work
     * @return the work's result
     * @throws TimeoutException when {@code limit} passed first; the work was interrupted and abandoned
     * @throws Exception        whatever {@code work} threw
     */
    public static <T> T call(String threadName, Duration limit, Callable<T> work) throws Exception {
        return start(threadName, work).await(limit);
    }

    /**
     * Starts {@code work} on its own daemon thread now, so the caller can do other things meanwhile
     * (read the current file while the page downloads); {@link Started#await} then waits as
     * {@link #call} does.
     *
     * @param <T>        what the work returns
     * @param threadName names the worker thread (shown in thread dumps)
     * @param work       the work
     * @return the work under way
     */
    public static <T> Started<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, threadName);
        worker.setDaemon(true);
        worker.start();
        return new Started<>(task);
    }

    /**
     * Work started by {@link #start}.
     *
     * @param <T> what the work returns
     */
    public static final class Started<T> {
        private final FutureTask<T> task;

        private Started(FutureTask<T> task) {
            this.task = task;
        }

        /**
         * The result, waiting at most {@code limit} from now.
         *
         * @param limit the longest to wait
         * @return the work's result
         * @throws TimeoutException when {@code limit} passed first; the work was interrupted and abandoned
         * @throws Exception        whatever the work threw
         */
        public T await(Duration limit) throws Exception {
            try {
                return task.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | InterruptedException e) {
                task.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        /** Interrupts and abandons the work (its result is not wanted). */
        public void cancel() {
            task.cancel(true);
        }
    }
}
