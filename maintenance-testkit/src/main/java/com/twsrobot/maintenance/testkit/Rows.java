package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.ConstituentRow;

import java.util.ArrayList;
import java.util.List;

/** Valid made-up constituent rows in each market's symbol format (US tickers, SGX and HKEX codes). */
public final class Rows {

    private Rows() {
    }

    /** {@code n} rows with US tickers (as in the S&amp;P 500 file): AAAA, AAAB, ... */
    public static List<ConstituentRow> usTickers(int n) {
        List<ConstituentRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String symbol = letters(i);
            rows.add(ConstituentRow.of(symbol, "Company " + symbol, "Industrials", "Machinery"));
        }
        return rows;
    }

    /** {@code n} rows with SGX codes (as in the STI file): S000.SI, ... with display symbols. */
    public static List<ConstituentRow> sgxCodes(int n) {
        List<ConstituentRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String code = "S" + String.format("%03d", i);
            rows.add(ConstituentRow.of(code + ".SI", code, "Singapore Co " + i, "Financials", "Banks"));
        }
        return rows;
    }

    /** {@code n} rows with HKEX codes (as in the HSI file): 0001.HK, ... with display symbols. */
    public static List<ConstituentRow> hkexCodes(int n) {
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
