package com.twsrobot.maintenance.sources.holdings;

import com.twsrobot.maintenance.api.MembershipList;
import com.twsrobot.maintenance.api.MembershipSource;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.sources.PageFetcher;

import java.util.List;

/**
 * The S&amp;P 500 as the two largest funds that track it hold it: iShares IVV (CSV, URL key
 * {@code sp500-holdings-ivv}) and SPDR SPY (xlsx, {@code sp500-holdings-spy}). Off unless the key's URL is
 * configured; {@code file:} URLs read a saved download.
 */
public abstract class FundHoldingsSource implements MembershipSource {

    /** How one fund's download is read: its bytes, the source's key and where they came from. */
    @FunctionalInterface
    protected interface Format {
        /**
         * The members the download lists.
         *
         * @param bytes the download
         * @param key   the source's key
         * @param url   where it came from
         * @return the members
         * @throws SourceException when the download is not this fund's holdings file
         */
        MembershipList parse(byte[] bytes, String key, String url) throws SourceException;
    }

    /** Fetchers built from each runner's network settings. */
    private final com.twsrobot.maintenance.sources.RunnerFetchers fetchers =
            com.twsrobot.maintenance.sources.RunnerFetchers.perRunner();
    private final String key;
    private final Format format;

    /**
     * A fund's source.
     *
     * @param key    the URL key, e.g. {@code sp500-holdings-ivv}
     * @param format how its download is read
     */
    protected FundHoldingsSource(String key, Format format) {
        this.key = key;
        this.format = format;
    }

    @Override
    public String index() {
        return "sp500";
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public MembershipList fetch(String url, SourceContext context) throws SourceException {
        PageFetcher.Download download = fetchers.forSettings(context.http()).download(List.of(url), Deadline.in(context.timeout(), context.clock()));
        return format.parse(download.bytes(), key, download.url());
    }

    /** iShares Core S&amp;P 500 ETF (IVV) daily holdings, CSV. */
    public static final class Ivv extends FundHoldingsSource {
        public Ivv() {
            super("sp500-holdings-ivv", HoldingsFiles::ivvCsv);
        }
    }

    /** SPDR S&amp;P 500 ETF Trust (SPY) daily holdings, xlsx. */
    public static final class Spy extends FundHoldingsSource {
        public Spy() {
            super("sp500-holdings-spy", HoldingsFiles::spyXlsx);
        }
    }
}
