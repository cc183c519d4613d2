package com.twsrobot.maintenance.api;

/**
 * Options one task reads from a {@link RunRequest}, declared by that task as a record implementing
 * this interface (e.g. {@link com.twsrobot.maintenance.api.events.MarketEventsOptions}). A request
 * carries at most one value of each type ({@link RunRequest.Builder#options}); a task reads its own with
 * {@link RunRequest#options(Class)} and its defaults when there is none. Other tasks never see them.
 */
public interface TaskOptions {
}
