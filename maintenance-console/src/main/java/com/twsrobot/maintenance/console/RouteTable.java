package com.twsrobot.maintenance.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's one route table: every route, matched by method and path. The table only matches; the
 * filter enforces what the matched route's {@link RouteSpec} asks for, and the route answers.
 */
final class RouteTable {

    private static final String API = "/api/maintenance";

    /** Every built-in route: adding one is a class that declares its {@link RouteSpec}, and a line here. */
    static final List<ConsoleRoute> BUILT_IN = List.of(
            new RootRoute(),
            PageFileRoute.dashboard(), PageFileRoute.script(), PageFileRoute.styles(),
            VendorFileRoute.script(), VendorFileRoute.styles(),
            new ChartsRoute(), new StatusRoute(), new CurrentRunRoute(), new ReportsRoute(), new ReportRoute(),
            new BackupsRoute(), new CompareRoute(API + "/backups/compare"), new CompareRoute(API + "/compare"),
            new RunRoute(), new RollbackRoute(), new EventsRefreshRoute(), new SyncLogRoute(),
            new HealthRoute(), new BadgeRoute(), new MetricsRoute());

    /**
     * What a request matched: its route, or none with the methods its path allows (none: not found).
     *
     * @param route   the route to answer, or empty
     * @param allowed with no route, the methods the path answers to (for 405 and {@code Allow})
     * @param access  what the filter checks: the route's, or by the method for a request no route answers
     * @param share   the share of the per-client cap
     */
    record Match(Optional<ConsoleRoute> route, Set<String> allowed, RouteSpec.Access access, RouteSpec.Share share) {
    }

    private final List<ConsoleRoute> routes;

    RouteTable(List<ConsoleRoute> routes) {
        Set<String> seen = new LinkedHashSet<>();
        for (ConsoleRoute route : routes) {
            if (!seen.add(route.spec().method() + " " + route.spec().path())) {
                throw new IllegalArgumentException("two console routes for " + route.spec().method() + " "
                        + route.spec().path());
            }
        }
        this.routes = List.copyOf(routes);
    }

    /** The built-in routes and {@code extra} (a test's or a later version's own). */
    static RouteTable withBuiltIns(List<ConsoleRoute> extra) {
        List<ConsoleRoute> all = new ArrayList<>(BUILT_IN);
        all.addAll(extra);
        return new RouteTable(all);
    }

    Match match(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        RouteSpec.Share share = RouteSpec.Share.API;
        for (ConsoleRoute route : routes) {
            RouteSpec spec = route.spec();
            if (!spec.matchesPath(path)) {
                continue;
            }
            if (spec.method().equals(method)) {
                return new Match(Optional.of(route), Set.of(spec.method()), spec.access(), spec.share());
            }
            if (allowed.isEmpty()) {
                share = spec.share(); // a wrong method counts against the share of the path's first route
            }
            allowed.add(spec.method());
        }
        return new Match(Optional.empty(), allowed, RouteSpec.Access.forMethod(method), share);
    }
}
