package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fills what a source page lacks (STI and HSI pages carry no GICS columns) from the file being
 * replaced: blank sector and sub-industry by symbol first, then by normalised company name so a
 * ticker change keeps its classification. A value the page gave is never overridden. Extra
 * columns the host's file carries are kept by symbol.
 */
public final class Enrichment {

    private static final Pattern INTERLANGUAGE_MARK = Pattern.compile("\\[[a-z]{2,3}(-[a-z]+)?\\]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> NOISE_WORDS = Set.of("limited", "ltd", "plc", "holdings", "corporation", "inc",
            "company", "group");

    private Enrichment() {
    }

    /** The enriched rows and how many of them had a field filled. */
    public record Result(ConstituentTable table, int filledRows) {
    }

    public static Result fill(ConstituentTable proposed, ConstituentTable current) {
        Map<String, ConstituentRow> bySymbol = current.bySymbol();
        Map<String, ConstituentRow> byName = new HashMap<>();
        for (ConstituentRow row : current.rows()) {
            byName.putIfAbsent(normaliseName(row.security()), row);
        }
        List<ConstituentRow> rows = new ArrayList<>(proposed.rowCount());
        int filled = 0;
        for (ConstituentRow row : proposed.rows()) {
            ConstituentRow sameSymbol = bySymbol.get(row.symbol());
            ConstituentRow enriched = row;
            if (sameSymbol != null && row.extras().isEmpty() && !sameSymbol.extras().isEmpty()) {
                enriched = enriched.withExtras(sameSymbol.extras());
            }
            if (row.sector().isBlank() || row.subIndustry().isBlank()) {
                ConstituentRow donor = sameSymbol != null ? sameSymbol : byName.get(normaliseName(row.security()));
                if (donor != null) {
                    String sector = row.sector().isBlank() ? donor.sector() : row.sector();
                    String subIndustry = row.subIndustry().isBlank() ? donor.subIndustry() : row.subIndustry();
                    if (!sector.equals(row.sector()) || !subIndustry.equals(row.subIndustry())) {
                        enriched = enriched.withClassification(sector, subIndustry);
                        filled++;
                    }
                }
            }
            rows.add(enriched);
        }
        return new Result(proposed.withRows(rows), filled);
    }

    /**
     * Lower case, interlanguage marks such as {@code [zh]} and punctuation dropped, and the words
     * limited/ltd/plc/holdings/corporation/inc/company/group ignored.
     */
    public static String normaliseName(String name) {
        String text = INTERLANGUAGE_MARK.matcher(name.replace('\u00A0', ' ').toLowerCase(Locale.ROOT)).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        for (String word : NOT_WORD.split(text)) {
            if (!word.isEmpty() && !NOISE_WORDS.contains(word)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }
}
