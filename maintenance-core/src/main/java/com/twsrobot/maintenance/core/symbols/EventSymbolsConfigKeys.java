package com.twsrobot.maintenance.core.symbols;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

/** Where the symbols whose earnings and dividends are fetched come from. */
public final class EventSymbolsConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey WATCHLIST = ConfigKey.of("event_symbols.watchlist", ConfigKey.Type.PATH,
            "<data_dir>/watchlist.txt", "a file of symbols, one a line (missing is fine)");
    public static final ConfigKey SQL = ConfigKey.of("event_symbols.sql", ConfigKey.Type.TEXT, "none",
            "one SELECT against the events database whose first column gives symbols")
            .checkedBy((key, value) -> SqlQuerySymbols.problem(value).map(problem -> key + ": " + problem));

    public EventSymbolsConfigKeys() {
        super("the event symbols", WATCHLIST, SQL);
    }
}
