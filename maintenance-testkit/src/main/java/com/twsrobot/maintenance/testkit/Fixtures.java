package com.twsrobot.maintenance.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The host project's real constituent files, shipped with the testkit: {@code current} (refreshed
 * 2026-06-28; 503 / 30 / 85 rows) and an older {@code previous} version with real membership changes.
 */
public final class Fixtures {

    /**
     * The names of the shipped constituent files (the built-in indices' files, as listed in
     * {@code constituents/files.txt}), each in {@code current} and {@code previous}.
     *
     * @return file names, e.g. for {@link TempWorkspace#withConstituents(boolean)}
     */
    public static List<String> constituentFiles() {
        return new String(resource("constituents/files.txt"), java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
    }

    private Fixtures() {
    }

    /** The exact bytes of {@code current/<fileName>}. */
    public static byte[] currentConstituents(String fileName) {
        return resource("constituents/current/" + fileName);
    }

    /** The exact bytes of {@code previous/<fileName>}. */
    public static byte[] previousConstituents(String fileName) {
        return resource("constituents/previous/" + fileName);
    }

    /**
     * An offline copy of a page the sources read: {@code wikipedia_<index>.html} for each built-in
     * index (503, 30 and 85 constituents) — the dated copies
     * {@code maintenance-sources} bundles for {@code --snapshot} (kept once, there; it must be on the
     * class path) — or {@code fed_fomc_expected.json}.
     */
    public static String page(String fileName) {
        if (fileName.startsWith("wikipedia_")) {
            return fromSources("com/twsrobot/maintenance/sources/snapshot/" + fileName);
        }
        return new String(resource("pages/" + fileName), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A page {@code maintenance-sources} bundles, read from the class path. */
    private static String fromSources(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is bundled in maintenance-sources; put it on the test class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Federal Reserve's FOMC meeting calendar page as saved (2026), {@code fed_fomc_calendars.html} —
     * the copy {@code maintenance-sources} bundles (kept once, there; it must be on the class path) —
     * and the meetings it holds, {@code fed_fomc_expected.json}.
     */
    public static String fedPage(String fileName) {
        if (fileName.equals("fed_fomc_calendars.html")) {
            return fromSources("com/twsrobot/maintenance/sources/events/fed_fomc_calendars.html");
        }
        return page(fileName);
    }

    /**
     * A Yahoo Finance quoteSummary {@code calendarEvents} body in the real service's shape (values made up
     * and plausible): {@code yahoo_quotesummary_calendarEvents_AAPL.json}, {@code ..._MSFT.json},
     * {@code ..._NODIV.json}, {@code yahoo_quotesummary_not_found.json},
     * {@code yahoo_quotesummary_unauthorized_invalid_crumb.json}.
     */
    public static String yahooAnswer(String fileName) {
        return new String(resource("events/" + fileName), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no testkit fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
