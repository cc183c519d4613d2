package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.sources.BoundedHttp;
import com.twsrobot.maintenance.sources.BoundedParse;
import com.twsrobot.maintenance.sources.HtmlTable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Federal Reserve's "Meeting calendars and information" page: one panel per year, one row
 * per meeting with a month cell ({@code January}, {@code Apr/May}) and a date cell ({@code 27-28},
 * {@code 17-18*} for a Summary of Economic Projections meeting, {@code 31-1} across months). Rows
 * marked {@code (notation vote)} or {@code (unscheduled)} are told apart from scheduled meetings.
 */
public final class FomcCalendarParser {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?");
    private static final Pattern NOTE = Pattern.compile("\\(([^)]*)\\)");

    /** A scheduled meeting; the decision is announced on {@code end}. */
    public record Meeting(int year, LocalDate start, LocalDate end, boolean sep, String monthLabel, String dateLabel) {
    }

    /** A row that is not a scheduled meeting (notation vote, unscheduled meeting). */
    public record NotScheduled(int year, LocalDate date, String kind, String monthLabel, String dateLabel) {
    }

    public record Parsed(List<Meeting> meetings, List<NotScheduled> notScheduled) {
    }

    private FomcCalendarParser() {
    }

    public static Parsed parse(String html, String url) throws ProviderException {
        return parse(html, url, BoundedHttp.Deadline.in(com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT));
    }

    /** As {@link #parse(String, String)}, the parse stopping at {@code deadline} (or when interrupted). */
    public static Parsed parse(String html, String url, BoundedHttp.Deadline deadline) throws ProviderException {
        Document doc;
        try {
            doc = BoundedParse.html(html, "", deadline);
        } catch (HtmlTable.ParseInterrupted e) {
            throw new ProviderException("fomc: " + url + ": " + e.getMessage());
        }
        List<Meeting> meetings = new ArrayList<>();
        List<NotScheduled> other = new ArrayList<>();
        for (Element panel : doc.select("div.panel")) {
            Element heading = panel.selectFirst(".panel-heading");
            Matcher year = heading == null ? null : YEAR.matcher(heading.text());
            if (year == null || !year.find() || !heading.text().contains("FOMC")) {
                continue;
            }
            int y = Integer.parseInt(year.group(1));
            for (Element monthCell : panel.select(".fomc-meeting__month")) {
                Element row = monthCell.parent();
                Element dateCell = row == null ? null : row.selectFirst(".fomc-meeting__date");
                if (dateCell == null) {
                    continue;
                }
                readRow(y, monthCell.text().trim(), dateCell.text().trim(), meetings, other);
            }
        }
        if (meetings.isEmpty()) {
            throw new ProviderException(url + ": no FOMC meeting rows found (looked for year panels with "
                    + ".fomc-meeting__month and .fomc-meeting__date cells)");
        }
        meetings.sort(Comparator.comparing(Meeting::start));
        other.sort(Comparator.comparing(NotScheduled::date));
        return new Parsed(meetings, other);
    }

    private static void readRow(int year, String monthLabel, String dateLabel, List<Meeting> meetings,
                                List<NotScheduled> other) {
        String[] months = monthLabel.split("/");
        Month first = month(months[0]);
        Month second = months.length > 1 ? month(months[1]) : first;
        Matcher days = DAYS.matcher(dateLabel);
        if (first == null || second == null || !days.find()) {
            return; // a row without a readable date is not a meeting
        }
        Matcher note = NOTE.matcher(dateLabel);
        if (note.find()) {
            String kind = note.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            other.add(new NotScheduled(year, LocalDate.of(year, first, Integer.parseInt(days.group(1))), kind, monthLabel,
                    dateLabel));
            return;
        }
        int startDay = Integer.parseInt(days.group(1));
        LocalDate start = LocalDate.of(year, first, startDay);
        LocalDate end = start;
        if (days.group(2) != null) {
            int endDay = Integer.parseInt(days.group(2));
            // "Apr/May 30-1" crosses into the second month; "Apr/May 28-29" does not.
            end = LocalDate.of(year, endDay < startDay ? second : first, endDay);
        }
        meetings.add(new Meeting(year, start, end, dateLabel.endsWith("*"), monthLabel, dateLabel));
    }

    private static Month month(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (key.length() >= 3 && m.name().toLowerCase(Locale.ROOT).startsWith(key.substring(0, 3))) {
                return m;
            }
        }
        return null;
    }
}
