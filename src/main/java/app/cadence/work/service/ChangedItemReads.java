package app.cadence.work.service;

import app.cadence.work.service.InstanceViews.ItemView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One read of a changed item, shared for a moment by every open page of the same tenant that
 * follows the change: when 50 people watch a runbook, the first page to ask reads the item after
 * the commit and the other 49 take that read instead of repeating it.
 *
 * <p>An entry is keyed by tenant, item and the time of the change the page heard of: it was read
 * after that change committed, so it shows that change (or a later one), and a later change
 * brings its own message and so its own key. It holds only what every member of the tenant sees
 * of the item; what the reader may do with it is added per reader by {@link InstanceReading}.
 * Entries are kept {@link #KEEP} at most; the tenant in the key comes from the reader's session,
 * never from the message, so a read is never shared across tenants.
 */
@org.springframework.stereotype.Component
class ChangedItemReads {

    /** Long enough for every page following one change to ask; short enough to hold little. */
    static final Duration KEEP = Duration.ofSeconds(2);

    /** How long a page waits for another page's read before it reads for itself. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    /** The item as every member of its tenant sees it, without what the reader may change. */
    record SharedItem(Long instanceId, @Nullable Long assigneeUserId, ItemView view) {
    }

    private record Key(Long tenantId, Long itemId, Instant changedAt) {
    }

    private record Entry(CompletableFuture<Optional<SharedItem>> read, long readNanos) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private volatile long lastPurgeNanos = System.nanoTime();

    /**
     * The items as they are after the changes named (item id → time of the change), in the
     * tenant: those another page has just read are shared, the others are read with
     * {@code load} (given the missing ids; it answers the items it found) and shared in turn.
     * An item that does not exist in the tenant is absent from the answer.
     */
    Map<Long, SharedItem> read(Long tenantId, Map<Long, Instant> changes, Function<Set<Long>, Map<Long, SharedItem>> load) {
        long now = System.nanoTime();
        purge(now);
        Map<Long, CompletableFuture<Optional<SharedItem>>> mine = new HashMap<>();
        Map<Long, CompletableFuture<Optional<SharedItem>>> theirs = new HashMap<>();
        Map<Long, Key> keys = new HashMap<>();
        for (Map.Entry<Long, Instant> change : changes.entrySet()) {
            Key key = new Key(tenantId, change.getKey(), change.getValue());
            keys.put(change.getKey(), key);
            Entry fresh = new Entry(new CompletableFuture<>(), now);
            Entry found = entries.compute(key, (k, old) -> usable(old, now) ? old : fresh);
            (found == fresh ? mine : theirs).put(change.getKey(), found.read());
        }
        Map<Long, SharedItem> result = new HashMap<>();
        if (!mine.isEmpty()) {
            Map<Long, SharedItem> loaded;
            try {
                loaded = load.apply(mine.keySet());
            } catch (RuntimeException e) {
                // Pages waiting for this read read for themselves; nothing failed is kept.
                mine.forEach((itemId, read) -> {
                    read.completeExceptionally(e);
                    entries.remove(keys.get(itemId));
                });
                throw e;
            }
            mine.forEach((itemId, read) -> read.complete(Optional.ofNullable(loaded.get(itemId))));
            result.putAll(loaded);
        }
        Set<Long> readMyself = new java.util.HashSet<>();
        theirs.forEach((itemId, read) -> {
            try {
                read.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).ifPresent(item -> result.put(itemId, item));
            } catch (ExecutionException | TimeoutException e) {
                readMyself.add(itemId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                readMyself.add(itemId);
            }
        });
        if (!readMyself.isEmpty()) {
            result.putAll(load.apply(readMyself));
        }
        return result;
    }

    private static boolean usable(@Nullable Entry entry, long now) {
        return entry != null && now - entry.readNanos() < KEEP.toNanos() && !entry.read().isCompletedExceptionally();
    }

    /** Drops entries older than {@link #KEEP}, at most once per {@code KEEP}. */
    private void purge(long now) {
        if (now - lastPurgeNanos < KEEP.toNanos()) {
            return;
        }
        lastPurgeNanos = now;
        entries.values().removeIf(entry -> now - entry.readNanos() >= KEEP.toNanos());
    }

    /** How many reads are kept now (for tests). */
    int size() {
        return entries.size();
    }
}
