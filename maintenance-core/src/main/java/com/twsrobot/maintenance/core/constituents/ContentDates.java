package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ContentDate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a content date is recorded in a report ({@code detail.content}), read back and said to an operator. */
public final class ContentDates {

    private ContentDates() {
    }

    /** {@code {as_of, basis, origin, age_days}}; {@code as_of} and {@code age_days} only when known. */
    public static Map<String, Object> toMap(ContentDate content, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        content.asOf().ifPresent(t -> m.put("as_of", t.toString()));
        m.put("basis", content.basis());
        m.put("origin", content.origin().name().toLowerCase(java.util.Locale.ROOT));
        content.asOf().ifPresent(t -> m.put("age_days", ageDays(t, now)));
        return m;
    }

    /** The content date a report recorded, if it recorded one ({@code detail.content}). */
    public static Optional<ContentDate> fromDetail(Object detail) {
        if (!(detail instanceof Map<?, ?> m) || !(m.get("origin") instanceof String origin)) {
            return Optional.empty();
        }
        ContentDate.Origin o;
        try {
            o = ContentDate.Origin.valueOf(origin.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Instant> asOf = Optional.empty();
        if (m.get("as_of") instanceof String s) {
            try {
                asOf = Optional.of(Instant.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new ContentDate(asOf, m.get("basis") instanceof String b ? b : "", o));
    }

    /** Whole days from {@code asOf} to {@code now}, never negative. */
    public static long ageDays(Instant asOf, Instant now) {
        return Math.max(0, Duration.between(asOf, now).toDays());
    }

    /** {@code content as of 2026-06-25, 161 days old, from the bundled snapshot}. */
    public static String describe(ContentDate content, Instant now) {
        String from = switch (content.origin()) {
            case SNAPSHOT -> "from the bundled snapshot";
            case FILE -> "from a file: URL";
            case LIVE -> "from the live page";
        };
        if (content.asOf().isEmpty()) {
            return "content date unknown, " + from;
        }
        Instant t = content.asOf().get();
        long days = ageDays(t, now);
        return "content as of " + t.atZone(ZoneOffset.UTC).toLocalDate() + ", " + days + (days == 1 ? " day" : " days")
                + " old, " + from;
    }
}
