package app.cadence.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One read shared by everyone who asks for the same thing within a moment, without anyone getting
 * an answer older than their question: a caller says since when it needs the answer to be fresh
 * ({@link System#nanoTime()} of the moment its need arose), and is given a read that <em>began</em>
 * at or after that moment — one under way (it waits for it) or one just finished — or reads
 * itself. Such a read is as fresh as the one the caller would have made, only sooner.
 *
 * <p>Made for fan-out: one change makes fifty open screens refresh at once, and each would
 * otherwise repeat the same read on its own connection. A read that failed is not shared: those
 * waiting for it read for themselves. Answers are kept only as long as the next caller could use
 * them ({@code keep}).
 */
public final class ReadsSince<K, V> {

    private record Attempt<V>(long startedNanos, CompletableFuture<V> answer) {
    }

    private final Map<K, Attempt<V>> latest = new ConcurrentHashMap<>();
    private final Duration keep;
    private final Duration wait;
    private final LongSupplier nanos;
    private volatile long lastPurgeNanos;

    /**
     * @param keep how long a finished read stays on offer (also how often old ones are dropped)
     * @param wait how long a caller waits for another caller's read before reading itself
     */
    public ReadsSince(Duration keep, Duration wait) {
        this(keep, wait, System::nanoTime);
    }

    ReadsSince(Duration keep, Duration wait, LongSupplier nanos) {
        this.keep = keep;
        this.wait = wait;
        this.nanos = nanos;
        this.lastPurgeNanos = nanos.getAsLong();
    }

    /** The answer for {@code key}, read by {@code read} at or after {@code neededSinceNanos} (by this caller or another). */
    public V read(K key, long neededSinceNanos, Supplier<V> read) {
        return read(key, neededSinceNanos, null, read);
    }

    /**
     * Like {@link #read(Object, long, Supplier)} for a caller whose read began before it asks: in a
     * transaction that has already run a statement, a read sees the database as of that statement
     * (MariaDB's repeatable read), so the caller names {@code beganNanos}, taken before it.
     */
    public V read(K key, long neededSinceNanos, long beganNanos, Supplier<V> read) {
        return read(key, neededSinceNanos, Long.valueOf(beganNanos), read);
    }

    private V read(K key, long neededSinceNanos, @Nullable Long beganNanos, Supplier<V> read) {
        purge();
        CompletableFuture<V> mine = new CompletableFuture<>();
        // The start is taken inside compute: no other caller can take this attempt before its start is known.
        Attempt<V> found = latest.compute(key, (k, old) ->
                old != null && old.startedNanos() - neededSinceNanos >= 0 && !old.answer().isCompletedExceptionally()
                        ? old : new Attempt<>(beganNanos != null ? beganNanos : nanos.getAsLong(), mine));
        if (found.answer() != mine) {
            try {
                return found.answer().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return read.get(); // theirs failed or hangs: read alone, and share nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return read.get();
            }
        }
        V answer;
        try {
            answer = read.get();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            latest.remove(key, found);
            throw e;
        }
        mine.complete(answer);
        return answer;
    }

    /** How many answers are on offer now (for tests). */
    int size() {
        return latest.size();
    }

    private void purge() {
        long now = nanos.getAsLong();
        if (now - lastPurgeNanos < keep.toNanos()) {
            return;
        }
        lastPurgeNanos = now;
        latest.values().removeIf(attempt -> now - attempt.startedNanos() >= keep.toNanos() && attempt.answer().isDone());
    }
}
