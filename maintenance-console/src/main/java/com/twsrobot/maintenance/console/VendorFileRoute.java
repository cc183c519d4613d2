package com.twsrobot.maintenance.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** A charting library file, served by the console itself so the page needs nothing from elsewhere. */
final class VendorFileRoute implements ConsoleRoute {

    /** Where the uPlot WebJar (the pom's version) keeps its files. */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final String name;
    private final String type;

    private VendorFileRoute(String name, String type) {
        this.name = name;
        this.type = type;
    }

    static VendorFileRoute script() {
        return new VendorFileRoute("uPlot.iife.min.js", "text/javascript; charset=utf-8");
    }

    static VendorFileRoute styles() {
        return new VendorFileRoute("uPlot.min.css", "text/css; charset=utf-8");
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/maintenance/" + name).share(RouteSpec.Share.PAGE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) throws IOException {
        try (InputStream in = VendorFileRoute.class.getResourceAsStream(UPLOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar's " + name + " is missing from the class path");
            }
            return Answers.send(200, type, in.readAllBytes(), Map.of());
        }
    }
}
