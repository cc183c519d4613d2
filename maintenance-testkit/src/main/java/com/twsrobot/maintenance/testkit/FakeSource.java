package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ConstituentSource} for tests: answers with given rows, or fails with a given message.
 * Give it to {@code MaintenanceRunner.builder().source(...)}; it wins over discovered sources.
 */
public final class FakeSource implements ConstituentSource {

    private final String index;
    private final String url;
    private volatile List<ConstituentRow> rows;
    private volatile String failure;
    private volatile List<ChangeRecord> changes = List.of();
    private volatile Map<String, Double> weights = Map.of();
    private volatile ContentDate content;
    private final AtomicInteger calls = new AtomicInteger();

    private FakeSource(String index, List<ConstituentRow> rows, String failure) {
        this.index = index;
        this.url = "fake://" + index;
        this.rows = rows;
        this.failure = failure;
    }

    /** A source for {@code index} (e.g. {@code ftse100}) that answers with {@code rows}. */
    public static FakeSource returning(String index, List<ConstituentRow> rows) {
        return new FakeSource(index, List.copyOf(rows), null);
    }

    /** A source for {@code index} whose fetch fails with {@code message}. */
    public static FakeSource failing(String index, String message) {
        return new FakeSource(index, List.of(), message);
    }

    /** Changes what later fetches answer. */
    public FakeSource answer(List<ConstituentRow> newRows) {
        this.rows = List.copyOf(newRows);
        this.failure = null;
        return this;
    }

    /** Makes later fetches fail. */
    public FakeSource fail(String message) {
        this.failure = message;
        return this;
    }

    /** Makes later fetches state these dated changes beside the rows (as the S&amp;P 500 page's change table does). */
    public FakeSource changes(List<ChangeRecord> newChanges) {
        this.changes = List.copyOf(newChanges);
        return this;
    }

    /** Makes later fetches state these weights, symbol → percent (as the HSI page does). */
    public FakeSource weights(Map<String, Double> newWeights) {
        this.weights = Map.copyOf(newWeights);
        return this;
    }

    /** Makes later fetches carry this content date (by default: unknown, origin read from the URL). */
    public FakeSource content(ContentDate newContent) {
        this.content = newContent;
        return this;
    }

    /** How many times {@link #fetch} was called. */
    public int calls() {
        return calls.get();
    }

    @Override
    public String index() {
        return index;
    }

    @Override
    public String defaultUrl() {
        return url;
    }

    @Override
    public SourceResult fetch(SourceContext context) throws SourceException {
        calls.incrementAndGet();
        if (failure != null) {
            throw new SourceException(url + ": " + failure);
        }
        boolean display = rows.stream().anyMatch(r -> !r.displaySymbol().isEmpty());
        String source = context.urlFor(index, url);
        ContentDate date = content != null ? content : ContentDate.unknown(ContentDate.Origin.ofUrl(source));
        return new SourceResult(source, ConstituentTable.of(display, rows), rows.size(), List.of(), changes, weights, date);
    }
}
