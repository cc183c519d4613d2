package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.sources.BoundedParse;
import com.twsrobot.maintenance.sources.HtmlTable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Federal Reserve's "Meeting calendars and information" page by its text structure: a year
 * heading ({@code 2026 FOMC Meetings}, or a bare year), then meetings as month names and day ranges
 * ({@code January 27-28}, {@code Apr/May 30-1}, {@code 17-18*} for a Summary of Economic Projections
 * meeting), each meeting belonging to the last year heading before it. The page's panels
 * ({@code div.fomc-meeting__month} beside {@code div.fomc-meeting__date}) are read cell by cell, so their
 * labels come out exactly; where that structure is missing (bare headings, spans, running text, a panel
 * that lost its wrapping tags) the same text is read all the same. Rows marked {@code (notation vote)} or
 * {@code (unscheduled)} are told apart from scheduled meetings. A date followed by a year ("Released
 * February 19, 2025", "Last Update: November 18, 2026") is not a meeting. The sentence "a two-day meeting
 * is scheduled for January 25-26, 2028" adds that meeting.
 *
 * <p>The Committee holds eight scheduled meetings a year, so a year the page shows with fewer (or more)
 * than eight, or a year missing between two years it shows, is a warning naming the year: a layout
 * change never drops a year silently.
 */
public final class FomcCalendarParser {

    /** Scheduled meetings the Committee holds each year. */
    public static final int MEETINGS_PER_YEAR = 8;

    private static final Pattern DAYS = Pattern.compile("(\\d{1,2})(?:\\s*[-\u2013]\\s*(\\d{1,2}))?");
    private static final Pattern NOTE = Pattern.compile("\\(([^)]*)\\)");
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    /** A year heading: "2026 FOMC Meetings" anywhere, or a line that is only a year. */
    private static final Pattern HEADING = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s+FOMC\\s+Meetings|^[ \\t]*((?:19|20)\\d{2})[ \\t]*:?[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /**
     * A meeting in text: month (or two, for a meeting across months), days, the SEP mark, a note. Not
     * when a year follows on the same line: that is a date in prose, not a calendar row.
     */
    private static final Pattern MEETING = Pattern.compile("(?<![A-Za-z])(" + MONTH + "(?:\\s*/\\s*" + MONTH + ")?)"
            + "(?![A-Za-z])[ \\t\u00A0]*+\\n?+[ \\t\u00A0]*+"
            + "((\\d{1,2}+)(?:\\s*[-\u2013]\\s*\\d{1,2}+)?+(?!\\d)(?:[ \\t]*\\*)?+(?:[ \\t]*\\([A-Za-z ]{3,30}\\))?+)"
            + "(?!,?[ \\t\u00A0]*\\d{4})(?![:\\d\u2013-])",
            Pattern.CASE_INSENSITIVE);
    /** The note on the next year's first meeting, after the last year's panel. */
    private static final Pattern ANNOUNCED = Pattern.compile("meeting is scheduled for (" + MONTH + ")[ \u00A0]+"
            + "(\\d{1,2}(?:\\s*[-\u2013]\\s*\\d{1,2})?),?[ \u00A0]+((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE);

    /** Elements whose start and end break the text into lines. */
    private static final Set<String> BLOCKS = Set.of("div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "tr", "td", "th", "table", "tbody", "thead", "br", "section", "article", "header", "footer", "nav", "dt",
            "dd", "dl", "main", "aside", "hr");

    /** A scheduled meeting; the decision is announced on {@code end}. */
    public record Meeting(int year, LocalDate start, LocalDate end, boolean sep, String monthLabel, String dateLabel) {
    }

    /** A row that is not a scheduled meeting (notation vote, unscheduled meeting). */
    public record NotScheduled(int year, LocalDate date, String kind, String monthLabel, String dateLabel) {
    }

    /**
     * What the page gave.
     *
     * @param meetings     the scheduled meetings, by start date
     * @param notScheduled the rows that are not scheduled meetings
     * @param warnings     each year shown with other than eight meetings, each year missing between two shown
     */
    public record Parsed(List<Meeting> meetings, List<NotScheduled> notScheduled, List<String> warnings) {
        public Parsed {
            meetings = List.copyOf(meetings);
            notScheduled = List.copyOf(notScheduled);
            warnings = List.copyOf(warnings);
        }

        /** A result without warnings. */
        public Parsed(List<Meeting> meetings, List<NotScheduled> notScheduled) {
            this(meetings, notScheduled, List.of());
        }
    }

    private FomcCalendarParser() {
    }

    public static Parsed parse(String html, String url) throws ProviderException {
        return parse(html, url, Deadline.measured(com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT));
    }

    /** As {@link #parse(String, String)}, the parse stopping at {@code deadline} (or when interrupted). */
    public static Parsed parse(String html, String url, Deadline deadline) throws ProviderException {
        Document doc;
        try {
            doc = BoundedParse.html(html, "", deadline);
        } catch (HtmlTable.ParseInterrupted e) {
            throw new ProviderException("fomc: " + url + ": " + e.getMessage());
        }
        String text = lines(doc, deadline, url);
        List<Meeting> meetings = new ArrayList<>();
        List<NotScheduled> other = new ArrayList<>();
        TreeSet<Integer> headed = new TreeSet<>();
        List<int[]> headings = new ArrayList<>(); // position, year
        Matcher h = HEADING.matcher(text);
        while (h.find()) {
            int year = Integer.parseInt(h.group(1) != null ? h.group(1) : h.group(2));
            headings.add(new int[] {h.start(), year});
            headed.add(year);
        }
        Matcher m = MEETING.matcher(text);
        int next = 0;
        int year = -1;
        while (m.find()) {
            while (next < headings.size() && headings.get(next)[0] <= m.start()) {
                year = headings.get(next++)[1];
            }
            if (year > 0) {
                readRow(year, m.group(1).trim(), m.group(2).trim().replaceAll("\\s+\\*", "*"), meetings, other);
            }
        }
        if (meetings.isEmpty()) {
            throw new ProviderException(url + ": no FOMC meeting rows found (looked for year headings such as '2026 FOMC "
                    + "Meetings' followed by months and days, as in the page's .fomc-meeting__month and "
                    + ".fomc-meeting__date cells)");
        }
        Set<Integer> announcedOnly = announced(text, meetings);
        meetings.sort(Comparator.comparing(Meeting::start));
        other.sort(Comparator.comparing(NotScheduled::date));
        return new Parsed(meetings, other, check(meetings, headed, announcedOnly, url));
    }

    /** Adds the meeting the "is scheduled for" note names, when its year is not on the page otherwise. */
    private static Set<Integer> announced(String text, List<Meeting> meetings) {
        Set<Integer> years = new TreeSet<>();
        Matcher a = ANNOUNCED.matcher(text);
        while (a.find()) {
            int y = Integer.parseInt(a.group(3));
            if (meetings.stream().noneMatch(x -> x.year() == y)) {
                List<Meeting> added = new ArrayList<>();
                readRow(y, a.group(1).trim(), a.group(2).trim(), added, new ArrayList<>());
                meetings.addAll(added);
                if (!added.isEmpty()) {
                    years.add(y);
                }
            }
        }
        return years;
    }

    /** A warning for each year shown with other than eight meetings and each year missing between two shown. */
    private static List<String> check(List<Meeting> meetings, Set<Integer> headed, Set<Integer> announcedOnly, String url) {
        Map<Integer, Integer> perYear = new TreeMap<>();
        headed.forEach(y -> perYear.put(y, 0));
        meetings.forEach(x -> perYear.merge(x.year(), 1, Integer::sum));
        announcedOnly.forEach(perYear::remove); // one announced meeting of the next year is all the page says of it
        List<String> warnings = new ArrayList<>();
        Integer previous = null;
        for (Map.Entry<Integer, Integer> e : perYear.entrySet()) {
            int y = e.getKey();
            if (previous != null) {
                for (int gap = previous + 1; gap < y; gap++) {
                    warnings.add("fomc: " + url + ": no meetings found for " + gap + ", a year between " + previous
                            + " and " + y + " on the page: its part of the page may have changed layout");
                }
            }
            int n = e.getValue();
            if (n < MEETINGS_PER_YEAR) {
                warnings.add("fomc: " + url + ": " + y + " shows " + n + " scheduled meeting(s), fewer than the "
                        + MEETINGS_PER_YEAR + " the Committee holds a year: meetings of " + y + " may be missing");
            } else if (n > MEETINGS_PER_YEAR) {
                warnings.add("fomc: " + url + ": " + y + " shows " + n + " scheduled meetings, more than the "
                        + MEETINGS_PER_YEAR + " the Committee holds a year: rows of another year may have lost their "
                        + "heading and been read as " + y);
            }
            previous = y;
        }
        return warnings;
    }

    /**
     * The page as lines of text in document order: block elements break lines, a panel row becomes its
     * month and date cells alone (its links and "Released ..." notes are not read), scripts and styles
     * are left out.
     */
    private static String lines(Document doc, Deadline deadline, String url) throws ProviderException {
        StringBuilder out = new StringBuilder();
        boolean[] stopped = {false};
        int[] visited = {0};
        doc.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++visited[0] % 1024 == 0 && (deadline.passed() || Thread.currentThread().isInterrupted())) {
                    stopped[0] = true;
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode t) {
                    out.append(t.text().replace('\u00A0', ' '));
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.tagName();
                if (tag.equals("script") || tag.equals("style") || tag.equals("noscript")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Element month = e.children().stream().filter(c -> c.hasClass("fomc-meeting__month")).findFirst().orElse(null);
                Element date = e.children().stream().filter(c -> c.hasClass("fomc-meeting__date")).findFirst().orElse(null);
                if (month != null && date != null) {
                    out.append('\n').append(month.text().trim()).append(' ').append(date.text().trim()).append('\n');
                    return FilterResult.SKIP_ENTIRELY;
                }
                out.append(BLOCKS.contains(tag) ? "\n" : tag.equals("span") ? " " : "");
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                    out.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        });
        if (stopped[0]) {
            throw new ProviderException("fomc: " + url + ": reading the page did not finish within " + deadline.describe());
        }
        return out.toString();
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
