package com.twsrobot.maintenance.sources;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the ticker spellings found on pages into each market's symbol; empty when a cell holds no valid code. */
public final class SymbolNormalizer {

    private static final Pattern US = Pattern.compile("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?");
    private static final Pattern SGX = Pattern.compile("(?:SGX\\s*:\\s*)?([A-Z0-9]{2,5})(?:\\.SI)?");
    private static final Pattern HKEX = Pattern.compile("(?:(?:SEHK|HKEX)\\s*:\\s*)?0*([0-9]{1,5})(?:\\.HK)?");
    private static final Pattern US_PREFIX = Pattern.compile("^(NYSE|NASDAQ|NYSEARCA|CBOE|BATS)\\s*:\\s*");

    private SymbolNormalizer() {
    }

    /** S&amp;P 500: upper case, {@code .} and {@code /} to {@code -}: {@code BRK.B} → {@code BRK-B}. */
    public static Optional<String> sp500(String cell) {
        String s = clean(cell);
        s = US_PREFIX.matcher(s).replaceFirst("").replace('.', '-').replace('/', '-');
        return US.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /** STI: {@code SGX: D05}, {@code SGX:9CI}, {@code D05}, {@code D05.SI} → code {@code D05} (symbol {@code D05.SI}). */
    public static Optional<String> stiCode(String cell) {
        Matcher m = SGX.matcher(clean(cell));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** HSI: {@code SEHK: 5}, {@code 0005}, {@code 5.HK} → code {@code 0005} (symbol {@code 0005.HK}); five digits kept. */
    public static Optional<String> hsiCode(String cell) {
        Matcher m = HKEX.matcher(clean(cell));
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1);
        if (Integer.parseInt(digits) == 0) {
            return Optional.empty();
        }
        return Optional.of(digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits);
    }

    private static String clean(String cell) {
        return cell.replace('\u00A0', ' ').trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
