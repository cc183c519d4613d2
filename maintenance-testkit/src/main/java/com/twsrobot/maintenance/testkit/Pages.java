package com.twsrobot.maintenance.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changed copies of the S&amp;P 500 page copy (as {@link Fixtures#page} reads it) for
 * tests that need "the real page, except ...": members taken out of {@code table#constituents}, rows put
 * into the "Selected changes" table ({@code table#changes}). Plain text edits of the page's own markup, so
 * everything else stays byte for byte.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * The page without the members' rows (by the ticker as the page writes it, e.g. {@code AAPL},
     * {@code BRK.B}), its change table untouched.
     *
     * @throws IllegalArgumentException when the page lists no such member
     */
    public static String withoutMembers(String sp500Page, String... tickers) {
        String html = sp500Page;
        for (String ticker : tickers) {
            Matcher row = Pattern.compile("<tr>\\s*<td><a [^>]*>" + Pattern.quote(ticker) + "</a></td>.*?</tr>\\s*",
                    Pattern.DOTALL).matcher(html);
            if (!row.find()) {
                throw new IllegalArgumentException("the page lists no member " + ticker);
            }
            html = html.substring(0, row.start()) + html.substring(row.end());
        }
        return html;
    }

    /**
     * The page with one more row at the top of its "Selected changes" table (where the newest changes
     * are), cells as the page writes them: {@code "June 22, 2026"}, tickers, names, reason. An empty
     * ticker and name make a change that only adds or only removes.
     *
     * @throws IllegalArgumentException when the page has no change table
     */
    public static String withChangeRow(String sp500Page, String effective, String addedTicker, String addedName,
                                       String removedTicker, String removedName, String reason) {
        int table = sp500Page.indexOf("id=\"changes\"");
        int firstHeader = table < 0 ? -1 : sp500Page.indexOf("</th></tr>", table);
        int secondHeader = firstHeader < 0 ? -1 : sp500Page.indexOf("</th></tr>", firstHeader + 1);
        if (secondHeader < 0) {
            throw new IllegalArgumentException("the page has no 'Selected changes' table with its two header rows");
        }
        int at = secondHeader + "</th></tr>".length();
        String row = "\n<tr>\n<td>" + effective + "</td>\n<td>" + addedTicker + "</td>\n<td>" + addedName + "</td>\n<td>"
                + removedTicker + "</td>\n<td>" + removedName + "</td>\n<td>" + reason + "\n</td></tr>";
        return sp500Page.substring(0, at) + row + sp500Page.substring(at);
    }
}
