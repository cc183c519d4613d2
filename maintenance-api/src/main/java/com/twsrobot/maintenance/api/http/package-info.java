/**
 * The library's one HTTP stack ({@link com.twsrobot.maintenance.api.http.HttpStack}): timeouts,
 * retries with backoff and {@code Retry-After}, the deadline, the body cap, the User-Agent and the
 * proxy in one place, for the built-in sources, providers and invalidators and for plug-ins that fetch.
 */
package com.twsrobot.maintenance.api.http;
