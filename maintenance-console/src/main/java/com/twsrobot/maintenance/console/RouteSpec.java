package com.twsrobot.maintenance.console;

import java.util.Objects;

/**
 * What a route answers and what it needs. Secured by default: a GET needs access (the access token,
 * an API token or the host's user), a POST also passes the CSRF rules; a route cannot opt out.
 *
 * @param method {@code GET} or {@code POST}
 * @param path   the exact raw path, or with {@code prefix} the start of the paths it answers
 * @param prefix whether {@code path} is a prefix (e.g. {@code /api/maintenance/reports/} + an id)
 * @param access what the filter checks before the route runs
 * @param share  whose share of the per-client cap an address-only client uses on this route
 */
record RouteSpec(String method, String path, boolean prefix, Access access, Share share) {

    /** What a request must carry. */
    enum Access {
        /** The access token, an API token or the host's signed-in user. */
        SIGNED_IN,
        /** As {@link #SIGNED_IN}, and a state change: the CSRF token, a same-origin Origin or Referer, not cross-site. */
        SIGNED_IN_SAME_ORIGIN;

        /** What a request no route matches must carry, by its method (so a 404 or 405 says nothing to strangers). */
        static Access forMethod(String method) {
            return "POST".equals(method) ? SIGNED_IN_SAME_ORIGIN : SIGNED_IN;
        }
    }

    /**
     * Which part of an address's per-client cap a request without a session, token or user counts
     * against, so a script flooding {@code /metrics} does not starve the operator's page.
     */
    enum Share {
        PAGE, PROBE, API;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    RouteSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(share, "share");
    }

    static RouteSpec get(String path) {
        return new RouteSpec("GET", path, false, Access.SIGNED_IN, Share.API);
    }

    static RouteSpec post(String path) {
        return new RouteSpec("POST", path, false, Access.SIGNED_IN_SAME_ORIGIN, Share.API);
    }

    /** The same route, answering every path under {@code path}. */
    RouteSpec underPrefix() {
        return new RouteSpec(method, path, true, access, share);
    }

    RouteSpec share(Share newShare) {
        return new RouteSpec(method, path, prefix, access, newShare);
    }

    boolean matchesPath(String rawPath) {
        return rawPath != null && (prefix ? rawPath.startsWith(path) : rawPath.equals(path));
    }
}
