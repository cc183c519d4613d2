package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The codes of a result's warnings and errors in a report: {@code detail.notices}, a list of
 * {@code {code, severity, scope, message, index?, symbol?, field?}}, one per notice with a code or a
 * reference. The
 * {@code warnings} and {@code errors} arrays keep the messages exactly as before; a message without
 * an entry here (any report written before codes existed, a plug-in's uncoded message) reads as
 * {@link NoticeCode#UNSPECIFIED}. A notice with neither a code nor a reference has no entry, so an old
 * report writes back unchanged.
 */
public final class NoticeJson {

    /** The detail key. */
    public static final String KEY = "notices";
    /** Scopes: the task's own, its validation's, the run's. */
    public static final String TASK = "task";
    public static final String VALIDATION = "validation";
    public static final String RUN = "run";

    /** One entry as written. */
    @JsonPropertyOrder({"code", "severity", "scope", "message", "index", "symbol", "field"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String code, String severity, String scope, String message, String index, String symbol, String field) {
    }

    private NoticeJson() {
    }

    /** The entries of the notices with a code or a reference, in {@code scope}; empty when none has either. */
    static List<Entry> entries(List<Notice> notices, String scope) {
        List<Entry> out = new ArrayList<>();
        // Warnings, then errors, as the report's arrays list them: a report read back writes the same entries.
        List<Notice> ordered = new ArrayList<>(notices.stream().filter(Notice::isWarning).toList());
        ordered.addAll(notices.stream().filter(n -> !n.isWarning()).toList());
        for (Notice n : ordered) {
            if (n.code() != NoticeCode.UNSPECIFIED || n.index() != null || n.symbol() != null || n.field() != null) {
                out.add(new Entry(n.code().wireName(), n.severity().name().toLowerCase(Locale.ROOT), scope, n.message(),
                        n.index(), n.symbol(), n.field()));
            }
        }
        return out;
    }

    /** The entries a detail holds (none when it has no {@code notices} list). */
    static List<Entry> read(ObjectMapper mapper, java.util.Map<String, Object> detail) {
        List<Entry> out = new ArrayList<>();
        if (detail.get(KEY) instanceof List<?> array) {
            for (Object n : array) {
                JsonNode node = mapper.valueToTree(n);
                if (node.isObject() && node.path("message").isTextual()) {
                    out.add(mapper.convertValue(node, Entry.class));
                }
            }
        }
        return out;
    }

    /**
     * The notices of a report's messages: each message takes the code of the first unused entry with
     * the same scope, severity and message, else {@link NoticeCode#UNSPECIFIED}.
     */
    static List<Notice> notices(List<String> warnings, List<String> errors, List<Entry> entries, String scope) {
        List<Entry> unused = new ArrayList<>(entries.stream().filter(e -> scope.equals(e.scope())).toList());
        List<Notice> out = new ArrayList<>();
        warnings.forEach(w -> out.add(match(Notice.Severity.WARNING, w, unused)));
        errors.forEach(e -> out.add(match(Notice.Severity.ERROR, e, unused)));
        return out;
    }

    private static Notice match(Notice.Severity severity, String message, List<Entry> unused) {
        String wire = severity.name().toLowerCase(Locale.ROOT);
        for (int i = 0; i < unused.size(); i++) {
            Entry e = unused.get(i);
            if (wire.equals(e.severity()) && message.equals(e.message())) {
                unused.remove(i);
                return new Notice(severity, NoticeCode.fromWireName(e.code()), message, e.index(), e.symbol(), e.field());
            }
        }
        return new Notice(severity, NoticeCode.UNSPECIFIED, message, null, null, null);
    }
}
