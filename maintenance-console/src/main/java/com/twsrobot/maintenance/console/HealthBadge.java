package com.twsrobot.maintenance.console;

/**
 * The small "maintenance | ok" SVG a host's main dashboard embeds ({@code /maintenance/badge.svg}): green
 * for ok, amber for warn, red for fail. Its text is one of three fixed words, so nothing needs escaping.
 */
final class HealthBadge {

    private HealthBadge() {
    }

    static String svg(String state) {
        String word = switch (state) {
            case "ok", "warn", "fail" -> state;
            default -> "unknown";
        };
        String colour = switch (word) {
            case "ok" -> "#2e7d32";
            case "warn" -> "#b26a00";
            case "fail" -> "#c62828";
            default -> "#616161";
        };
        int left = 84;
        int right = 12 + 8 * word.length();
        int width = left + right;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\""
                + " aria-label=\"maintenance: " + word + "\">"
                + "<title>maintenance: " + word + "</title>"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"6\" y=\"14\">maintenance</text>"
                + "<text x=\"" + (left + 6) + "\" y=\"14\">" + word + "</text></g></svg>";
    }
}
