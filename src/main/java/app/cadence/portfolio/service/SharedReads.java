package app.cadence.portfolio.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Portfolio reads that the screens refreshing for the same changes share. Every item change of a
 * tenant refreshes each of its open portfolios (DESIGN.md: within a second), and each refresh
 * reads the page, its count and the tiles, which aggregate the whole portfolio: with ten PMOs
 * looking, ten identical reads per change. A screen may take a read that <em>began</em> after it
 * heard of the changes it refreshes for (a change is announced only once committed, so that read
 * sees it), is at most {@link #MAX_AGE} old (the counts of overdue items move with the clock), and
 * was made for the same tenant with the same arguments — the key holds them all. A read still
 * running is waited for rather than repeated.
 *
 * <p>Nothing here decides who may see what: the portfolio is the same for every member of a
 * tenant, and the tenant is part of every key (DESIGN.md's rule for caches).
 */
final class SharedReads {

    /** The oldest read a refresh may take. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** Beyond this many keys the expired ones are dropped before another is added. */
    private static final int PRUNE_ABOVE = 500;

    private final ConcurrentHashMap<Object, Read> reads = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    SharedReads() {
        this(System::nanoTime);
    }

    /** With a clock of its own, in nanoseconds as {@link System#nanoTime()} counts them (for tests). */
    SharedReads(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Now, on the clock reads are stamped with. */
    long now() {
        return nanoTime.getAsLong();
    }

    private record Read(long beganNanos, CompletableFuture<Object> value) {

        boolean usableFor(long heardAtNanos, long nowNanos) {
            return beganNanos - heardAtNanos >= 0 && nowNanos - beganNanos <= MAX_AGE.toNanos();
        }
    }

    /**
     * The value of {@code read} for {@code key}: a shared one if there is one that began after
     * {@code heardAtNanos} (null: none is taken; the read is made and offered to others).
     *
     * @param beganNanos when the caller's transaction began, before its first statement: a read
     *                   of this transaction sees every change committed before then
     */
    @SuppressWarnings("unchecked")
    <T> T read(Object key, @Nullable Long heardAtNanos, long beganNanos, Supplier<T> read) {
        long now = now();
        Read mine = new Read(beganNanos, new CompletableFuture<>());
        Read chosen = heardAtNanos == null ? mine
                : reads.compute(key, (k, known) -> known != null && known.usableFor(heardAtNanos, now) ? known : mine);
        if (chosen != mine) {
            try {
                return (T) chosen.value().join();
            } catch (CompletionException e) {
                // The other screen's read failed: this one reads for itself and reports its own failure.
            }
        } else if (heardAtNanos == null) {
            reads.put(key, mine);
        }
        if (reads.size() > PRUNE_ABOVE) {
            reads.values().removeIf(r -> now - r.beganNanos() > MAX_AGE.toNanos());
        }
        try {
            T value = read.get();
            mine.value().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.value().completeExceptionally(e);
            reads.remove(key, mine);
            throw e;
        }
    }

    /** Keys held now (for tests). */
    int size() {
        return reads.size();
    }
}
