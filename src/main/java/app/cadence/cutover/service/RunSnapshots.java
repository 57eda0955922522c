package app.cadence.cutover.service;

import app.cadence.cutover.domain.RosterAssignment;
import app.cadence.cutover.domain.StoredCondition;
import app.cadence.cutover.domain.RunSteps;
import app.cadence.cutover.domain.StoredDecision;
import app.cadence.cutover.domain.StoredStep;
import app.cadence.cutover.domain.StoredVote;
import app.cadence.work.service.InstanceHeaders.InstanceHeader;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the run screen reads of a run, kept between the screens that show it. One change to a run
 * makes every open screen of it refresh — with thirty people on the go-live, thirty reads of the
 * same rows within a second. The first screen reads; the others find its read here, or wait for
 * it when they ask while it is being read.
 *
 * <p>A snapshot is used only while the run's version in the database is the one it was read at:
 * every change to a run locks the run and raises its version ({@code lockInTenant}), so each
 * reader still reads the run's row and sees at once whether anything changed, on any node. Names
 * of members and of the runbook are not part of a run's version; a snapshot is therefore also
 * given up after {@link #FRESH}, so a renamed member shows on a quiet run within seconds.
 */
@Component
class RunSnapshots {

    /** Longest a snapshot serves, however quiet the run. */
    static final Duration FRESH = Duration.ofSeconds(10);

    /** Runs kept; far more than run at once on one node. */
    static final int KEPT = 256;

    /** One read of a run, at {@code version}: everything but the run's row itself, which every reader reads. */
    record Snapshot(long version, long readAtNanos, RunPlan plan, Map<UUID, StoredStep> rows, RunSteps steps,
                    List<RosterAssignment> roster, InstanceHeader instance, Map<Long, String> names, List<StoredDecision> decisions,
                    Map<Long, List<StoredVote>> votes, Map<Long, List<StoredCondition>> conditions, List<RunScreen.LogLine> log) {
    }

    /** Longest a screen waits for another screen's read of the same version before reading itself. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private record Key(Long tenantId, Long runId) {
    }

    private record Reading(long version, CompletableFuture<Snapshot> result) {
    }

    /** Guarded by {@code this}: the read under way per run, if any. */
    private final Map<Key, Reading> reading = new HashMap<>();

    private final LongSupplier nanos;
    private final Map<Key, Snapshot> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Snapshot> eldest) {
            return size() > KEPT;
        }
    };

    RunSnapshots() {
        this(System::nanoTime);
    }

    RunSnapshots(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * The snapshot of the run at this version: the one kept, the one another screen is reading
     * right now (pushed refreshes of one change start together), or {@code read}'s. A reader that
     * waits holds its own connection and transaction, and the screen reading holds its own, so
     * nobody waits on a connection a waiter holds; a read that fails or takes longer than
     * {@link #WAIT} leaves each waiter to read for itself.
     */
    Snapshot shared(Long tenantId, Long runId, long version, Supplier<Snapshot> read) {
        Key key = new Key(tenantId, runId);
        Reading theirs;
        Reading mine = null;
        synchronized (this) {
            Snapshot kept = at(tenantId, runId, version);
            if (kept != null) {
                return kept;
            }
            theirs = reading.get(key);
            if (theirs == null || theirs.version() != version) {
                mine = new Reading(version, new CompletableFuture<>());
                reading.put(key, mine);
                theirs = null;
            }
        }
        if (theirs != null) {
            try {
                return theirs.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return read.get();
            }
        }
        try {
            Snapshot snapshot = read.get();
            keep(tenantId, runId, snapshot);
            mine.result().complete(snapshot);
            return snapshot;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                reading.remove(key, mine);
            }
        }
    }

    /** The snapshot of the run at this version, if one is kept and fresh. */
    synchronized @Nullable Snapshot at(Long tenantId, Long runId, long version) {
        Snapshot snapshot = kept.get(new Key(tenantId, runId));
        if (snapshot == null || snapshot.version() != version || nanos.getAsLong() - snapshot.readAtNanos() > FRESH.toNanos()) {
            return null;
        }
        return snapshot;
    }

    synchronized void keep(Long tenantId, Long runId, Snapshot snapshot) {
        Key key = new Key(tenantId, runId);
        Snapshot present = kept.get(key);
        // Two screens may read at once; keep the newer version.
        if (present == null || present.version() <= snapshot.version()) {
            kept.put(key, snapshot);
        }
    }

    /** Whether a screen is reading this run now (for tests). */
    synchronized boolean isReading(Long tenantId, Long runId) {
        return reading.containsKey(new Key(tenantId, runId));
    }

    long now() {
        return nanos.getAsLong();
    }
}
