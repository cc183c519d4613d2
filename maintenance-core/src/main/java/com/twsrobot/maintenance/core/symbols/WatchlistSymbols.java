package com.twsrobot.maintenance.core.symbols;

import com.twsrobot.maintenance.api.events.EventSymbols;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Event symbols from a watchlist file the operator keeps ({@code data/watchlist.txt} by default): one
 * symbol per line, {@code #} comments and blank lines allowed. A missing file gives no symbols; a line
 * that is not a symbol is an error naming the file and line.
 */
public final class WatchlistSymbols implements EventSymbols {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-^=]{0,19}");

    private final Path file;

    public WatchlistSymbols(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "watchlist " + file.toAbsolutePath();
    }

    /** The largest watchlist read: 4 MiB. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Override
    public List<String> symbols() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            // A list of tickers, one a line: anything larger is not a watchlist.
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than the " + MAX_BYTES + "-byte cap for a watchlist");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e), e);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String symbol = (hash >= 0 ? line.substring(0, hash) : line).strip().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                continue;
            }
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " line " + (i + 1) + ": '" + symbol
                        + "' is not a symbol (one per line; # starts a comment)");
            }
            if (!out.contains(symbol)) {
                out.add(symbol);
            }
        }
        return out;
    }
}
