package app.cadence.shared.ui;

import com.vaadin.flow.data.provider.DataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The pages of a lazy grid that the browser was sent since the grid last reset, so that a live
 * refresh can send only the rows that changed instead of every row again.
 *
 * <p>Why: a refresh with {@code refreshAll()} makes the grid send every row the browser holds
 * (60–75 on an opened portfolio), to every screen that follows the change, although a change
 * usually alters one row or none. {@link #refresh} reads the same pages again (the reads that
 * fifty screens share) and, when the count and each page's rows in their order are the same,
 * refreshes only the rows whose values differ: a push of one row, or no push at all. When
 * anything moved — a row came, went or changed place, or the grid was scrolled further than
 * {@link #MAX_PAGES} pages — it falls back to {@code refreshAll()}, which is always right.
 *
 * <p>The grid's fetch callback hands each page it reads to {@link #fetched} and its count callback
 * to {@link #counted}; the view calls {@link #reset()} with every {@code refreshAll()} of its own
 * (a filter or sort changed). Rows are compared with {@link Object#equals}: records of what the
 * row shows. The data provider must identify rows by {@code id}, so that a changed row replaces
 * the one with the same id. Used under the session's lock only, like the grid.
 */
public final class LiveGridPages<T, K> {

    /** Beyond this many pages a refresh reads and sends everything again ({@code refreshAll()}). */
    static final int MAX_PAGES = 4;

    /** Reads one page as the grid's fetch callback would, for a refresh. */
    @FunctionalInterface
    public interface PageReader<T> {
        List<T> read(long offset, int limit);
    }

    private final Function<T, K> id;
    /** By offset, in the order fetched; each with the limit it was read with. */
    private final Map<Long, Page<T>> pages = new LinkedHashMap<>();
    private long count = -1;
    private boolean tooMany;

    private record Page<T>(int limit, List<T> rows) {
    }

    public LiveGridPages(Function<T, K> id) {
        this.id = id;
    }

    /** A page the grid fetched: returned as it is, for the callback to pass on. */
    public List<T> fetched(long offset, int limit, List<T> rows) {
        if (pages.size() >= MAX_PAGES && !pages.containsKey(offset)) {
            tooMany = true;
        } else {
            pages.put(offset, new Page<>(limit, List.copyOf(rows)));
        }
        return rows;
    }

    /** The count the grid was given: returned as it is. */
    public long counted(long counted) {
        this.count = counted;
        return counted;
    }

    /** The grid starts afresh (filter or sort changed): what it was sent no longer matters. */
    public void reset() {
        pages.clear();
        count = -1;
        tooMany = false;
    }

    /** What a refresh did: for tests and the view's own follow-up. */
    public enum Outcome { NOTHING_CHANGED, ROWS_REFRESHED, ALL_REFRESHED }

    /**
     * Brings the grid up to date with the data now: reads the count and the pages sent, refreshes
     * the changed rows in place, or everything when rows moved.
     */
    public Outcome refresh(DataProvider<T, ?> provider, LongSupplier readCount, PageReader<T> readPage) {
        if (tooMany || count < 0 || pages.isEmpty() || readCount.getAsLong() != count) {
            return refreshAll(provider);
        }
        List<T> changed = new ArrayList<>();
        Map<Long, Page<T>> reread = new LinkedHashMap<>();
        for (Map.Entry<Long, Page<T>> entry : pages.entrySet()) {
            Page<T> shown = entry.getValue();
            List<T> now = readPage.read(entry.getKey(), shown.limit());
            if (now.size() != shown.rows().size()) {
                return refreshAll(provider);
            }
            for (int i = 0; i < now.size(); i++) {
                T before = shown.rows().get(i);
                T after = now.get(i);
                if (!Objects.equals(id.apply(before), id.apply(after))) {
                    return refreshAll(provider); // a row came, went or changed place
                }
                if (!before.equals(after)) {
                    changed.add(after);
                }
            }
            reread.put(entry.getKey(), new Page<>(shown.limit(), List.copyOf(now)));
        }
        pages.putAll(reread);
        changed.forEach(provider::refreshItem);
        return changed.isEmpty() ? Outcome.NOTHING_CHANGED : Outcome.ROWS_REFRESHED;
    }

    private Outcome refreshAll(DataProvider<T, ?> provider) {
        reset();
        provider.refreshAll();
        return Outcome.ALL_REFRESHED;
    }
}
