package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.ConstituentRow;

import java.util.ArrayList;
import java.util.List;

/** Valid made-up constituent rows in each market's symbol format. */
public final class Rows {

    private Rows() {
    }

    /** {@code n} S&amp;P-style rows: AAAA, AAAB, ... */
    public static List<ConstituentRow> sp500(int n) {
        List<ConstituentRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String symbol = letters(i);
            rows.add(ConstituentRow.of(symbol, "Company " + symbol, "Industrials", "Machinery"));
        }
        return rows;
    }

    /** {@code n} STI-style rows: A000.SI, ... with display symbols. */
    public static List<ConstituentRow> sti(int n) {
        List<ConstituentRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String code = "S" + String.format("%03d", i);
            rows.add(ConstituentRow.of(code + ".SI", code, "Singapore Co " + i, "Financials", "Banks"));
        }
        return rows;
    }

    /** {@code n} HSI-style rows: 0001.HK, ... with display symbols. */
    public static List<ConstituentRow> hsi(int n) {
        List<ConstituentRow> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String code = String.format("%04d", i);
            rows.add(ConstituentRow.of(code + ".HK", code, "Hong Kong Co " + i, "Finance", ""));
        }
        return rows;
    }

    private static String letters(int i) {
        char[] c = new char[4];
        for (int k = 3; k >= 0; k--) {
            c[k] = (char) ('A' + i % 26);
            i /= 26;
        }
        return new String(c);
    }
}
