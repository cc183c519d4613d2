package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.http.Deadline;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Parses a page's HTML through a {@link DeadlineReader}, so the parse ends at its source's deadline. */
public final class BoundedParse {

    private BoundedParse() {
    }

    /**
     * The page as jsoup reads it.
     *
     * @throws HtmlTable.ParseInterrupted when the deadline passed or the thread was interrupted mid-parse
     */
    public static Document html(String html, String baseUri, Deadline deadline) {
        return Parser.htmlParser().parseInput(DeadlineReader.of(html, deadline), baseUri);
    }
}
