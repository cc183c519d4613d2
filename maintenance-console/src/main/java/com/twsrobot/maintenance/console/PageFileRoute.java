package com.twsrobot.maintenance.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The dashboard's own files, with the page's CSRF token and the console's base path filled in. */
final class PageFileRoute implements ConsoleRoute {

    private final String path;
    private final String resource;
    private final String type;

    private PageFileRoute(String path, String resource, String type) {
        this.path = path;
        this.resource = resource;
        this.type = type;
    }

    static PageFileRoute dashboard() {
        return new PageFileRoute("/maintenance", "dashboard.html", "text/html; charset=utf-8");
    }

    static PageFileRoute script() {
        return new PageFileRoute("/maintenance/app.js", "app.js", "text/javascript; charset=utf-8");
    }

    static PageFileRoute styles() {
        return new PageFileRoute("/maintenance/app.css", "app.css", "text/css; charset=utf-8");
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.get(path).share(RouteSpec.Share.PAGE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) throws IOException {
        try (InputStream in = PageFileRoute.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("console resource " + resource + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{CSRF_TOKEN}}", call.console().security().csrfToken())
                    .replace("{{BASE_PATH}}", call.request().base());
            return Answers.text(type, text);
        }
    }
}
