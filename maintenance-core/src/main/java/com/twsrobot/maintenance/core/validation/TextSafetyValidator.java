package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every value is text that is safe to open: the CSVs are opened by people in spreadsheet programs
 * and the reports in browsers. Refused: a value a spreadsheet would run as a formula (first character
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return — OWASP's CSV-injection list; a
 * lone {@code -}, a common "none", is not a formula), a control character, U+FFFD (what invalid UTF-8
 * in the source became) and markup ({@code <…>}). A real name may start with {@code = + - @}: the
 * operator lists those characters in {@code text_safety.allow_leading}; nothing else can be allowed.
 */
public final class TextSafetyValidator implements Validator {

    /** The config key of the override. */
    public static final String ALLOW_LEADING_KEY = "text_safety.allow_leading";
    /** The formula starts an operator may allow for real names; tab and CR never. */
    public static final String ALLOWABLE_LEADING = "=+-@";
    private static final String FORMULA_LEADING = "=+-@\t\r";
    private static final Pattern MARKUP = Pattern.compile("<[^<>]*>|<[A-Za-z/!?]");

    private final String allowedLeading;

    /** Refuses every formula start. */
    public TextSafetyValidator() {
        this("");
    }

    /**
     * @param allowedLeading formula starts accepted for real names, from {@value #ALLOWABLE_LEADING}
     * @throws ConfigurationException for any other character
     */
    public TextSafetyValidator(String allowedLeading) {
        for (char c : allowedLeading.toCharArray()) {
            if (ALLOWABLE_LEADING.indexOf(c) < 0) {
                throw new ConfigurationException(ALLOW_LEADING_KEY + " may hold only the characters "
                        + ALLOWABLE_LEADING + " (tab and carriage return are never allowed), got '" + visible(allowedLeading)
                        + "'");
            }
        }
        this.allowedLeading = allowedLeading;
    }

    @Override
    public String name() {
        return "text_safety";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        List<String> bad = new ArrayList<>();
        boolean formula = false;
        for (ConstituentRow row : input.proposed().rows()) {
            for (Map.Entry<String, String> field : fields(row).entrySet()) {
                Optional<String> problem = problem(field.getValue());
                if (problem.isPresent()) {
                    formula |= problem.get().startsWith("starts with");
                    bad.add(input.spec().index() + " symbol '" + visible(row.symbol()) + "' field " + field.getKey() + " = '"
                            + visible(field.getValue()) + "' (" + problem.get() + ")");
                }
            }
        }
        if (bad.isEmpty()) {
            return ValidationResult.passed();
        }
        return ValidationResult.error(NoticeCode.TEXT_SAFETY,
                bad.size() + " value(s) not safe to open in a spreadsheet or browser: "
                + Messages.listSome(bad) + (formula ? "; if a real name starts with one of " + ALLOWABLE_LEADING
                + ", accept that character with " + ALLOW_LEADING_KEY + " = <the characters> in the config file "
                + "(builder: textSafetyAllowLeading)" : ""));
    }

    /** Why {@code value} is not safe, if it is not. */
    Optional<String> problem(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        char first = value.charAt(0);
        if (FORMULA_LEADING.indexOf(first) >= 0 && allowedLeading.indexOf(first) < 0 && !value.equals("-")) {
            return Optional.of("starts with '" + visible(String.valueOf(first)) + "': a spreadsheet would run it as a formula");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("control character " + visible(String.valueOf(c)) + " at position " + (i + 1));
            }
            if (c == '\uFFFD') {
                return Optional.of("U+FFFD at position " + (i + 1) + ": the source had invalid UTF-8 there");
            }
        }
        if (MARKUP.matcher(value).find()) {
            return Optional.of("markup");
        }
        return Optional.empty();
    }

    private static Map<String, String> fields(ConstituentRow row) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ConstituentTable.SYMBOL, row.symbol());
        out.put(ConstituentTable.DISPLAY_SYMBOL, row.displaySymbol());
        out.put(ConstituentTable.SECURITY, row.security());
        out.put(ConstituentTable.SECTOR, row.sector());
        out.put(ConstituentTable.SUB_INDUSTRY, row.subIndustry());
        out.putAll(row.extras());
        return out;
    }

    /** Control characters as {@code \\uXXXX}, so the message itself is safe to print. */
    static String visible(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
