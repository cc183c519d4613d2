package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.Bounded;
import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.MembershipAsOf;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Reconstructs an index's members on a past date ({@link MembershipAsOf}): every change effective after
 * that date undone, newest first — its added symbol taken out, its removed symbol put back under the
 * name the record gives.
 */
public final class MembershipReconstruction {

    private MembershipReconstruction() {
    }

    /**
     * Fetches the source (bounded by the context's deadline, even for a source that does not bound
     * itself) and reconstructs.
     *
     * @throws SourceException when there is no source, or it fails or misses its deadline
     */
    public static MembershipAsOf read(String index, ConstituentSource source, SourceContext context, LocalDate date)
            throws SourceException {
        if (source == null) {
            throw new SourceException("no source is registered for index '" + index + "'");
        }
        SourceResult fetched;
        try {
            fetched = Bounded.call("membership-" + index, context.timeout().plusSeconds(1), () -> source.fetch(context));
        } catch (SourceException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new SourceException("source for " + index + " did not finish within the " + context.timeout().toSeconds()
                    + " s deadline", e);
        } catch (Exception e) {
            throw new SourceException("source for " + index + " failed: " + CauseFormatter.describe(e), e);
        }
        return reconstruct(index, fetched.source(), fetched.content(), fetched.table(), fetched.changes(), date);
    }

    /**
     * Undoes the changes effective after {@code date}.
     *
     * @param current the list as the source gives it now
     * @param changes its dated changes, newest first
     * @param date    the day asked for
     */
    public static MembershipAsOf reconstruct(String index, String source, ContentDate content, ConstituentTable current,
                                             List<ChangeRecord> changes, LocalDate date) {
        Map<String, String> members = new LinkedHashMap<>();
        for (ConstituentRow row : current.rows()) {
            members.putIfAbsent(row.symbol(), row.security());
        }
        List<String> undone = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        for (ChangeRecord r : changes) {
            if (!r.effective().isAfter(date)) {
                continue;
            }
            String what = describe(r);
            List<String> problems = new ArrayList<>();
            r.addedSymbol().filter(s -> !members.containsKey(s))
                    .ifPresent(s -> problems.add("added symbol " + s + " is not on the list"));
            r.removedSymbol().filter(members::containsKey)
                    .ifPresent(s -> problems.add("removed symbol " + s + " is already on the list"));
            if (!problems.isEmpty()) {
                notApplied.add(what + ": " + String.join("; ", problems) + " (" + r.where() + ")");
                continue;
            }
            r.addedSymbol().ifPresent(members::remove);
            r.removedSymbol().ifPresent(s -> members.put(s, r.removedName().orElse("")));
            undone.add(what);
        }
        return new MembershipAsOf(index, date, source, content, members, undone, notApplied);
    }

    private static String describe(ChangeRecord r) {
        StringBuilder s = new StringBuilder(r.effective().toString()).append(':');
        r.addedSymbol().ifPresent(a -> s.append(" +").append(a));
        r.removedSymbol().ifPresent(d -> s.append(" -").append(d));
        if (!r.reason().isBlank()) {
            s.append(" (").append(r.reason()).append(')');
        }
        return s.toString();
    }
}
