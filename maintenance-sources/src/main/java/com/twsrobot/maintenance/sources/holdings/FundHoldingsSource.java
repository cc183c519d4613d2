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

    /** Fetchers built from each runner's network settings. */
    private final com.twsrobot.maintenance.sources.RunnerFetchers fetchers =
            com.twsrobot.maintenance.sources.RunnerFetchers.perRunner();

    @Override
    public String index() {
        return "sp500";
    }

    /** Parses the downloaded bytes. */
    protected abstract MembershipList parse(byte[] bytes, String url) throws SourceException;

    @Override
    public MembershipList fetch(String url, SourceContext context) throws SourceException {
        PageFetcher.Download download = fetchers.forSettings(context.http()).download(List.of(url), Deadline.in(context.timeout(), context.clock()));
        return parse(download.bytes(), download.url());
    }

    /** iShares Core S&amp;P 500 ETF (IVV) daily holdings, CSV. */
    public static final class Ivv extends FundHoldingsSource {
        @Override
        public String key() {
            return "sp500-holdings-ivv";
        }

        @Override
        protected MembershipList parse(byte[] bytes, String url) throws SourceException {
            return HoldingsFiles.ivvCsv(bytes, key(), url);
        }
    }

    /** SPDR S&amp;P 500 ETF Trust (SPY) daily holdings, xlsx. */
    public static final class Spy extends FundHoldingsSource {
        @Override
        public String key() {
            return "sp500-holdings-spy";
        }

        @Override
        protected MembershipList parse(byte[] bytes, String url) throws SourceException {
            return HoldingsFiles.spyXlsx(bytes, key(), url);
        }
    }
}
