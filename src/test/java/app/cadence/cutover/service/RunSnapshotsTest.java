package app.cadence.cutover.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The screens of one run refreshed by one change ask for its read at the same moment (their
 * refreshes run in the pushes, started together): one of them reads, the others wait for it.
 */
class RunSnapshotsTest {

    final AtomicLong clock = new AtomicLong();
    final RunSnapshots snapshots = new RunSnapshots(clock::get);
    final AtomicInteger reads = new AtomicInteger();

    /** A read at {@code version}; only the version matters here. */
    RunSnapshots.Snapshot snapshot(long version) {
        reads.incrementAndGet();
        return new RunSnapshots.Snapshot(version, clock.get(), null, Map.of(), null, List.of(), null, Map.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    @Test
    void screensAskingWhileTheRunIsBeingReadWaitForThatReadInsteadOfReadingAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RunSnapshots.Snapshot> first = CompletableFuture.supplyAsync(() -> snapshots.shared(1L, 7L, 3, () -> {
            hold(release);
            return snapshot(3);
        }));
        await().until(this::snapshotsIsReading);
        Thread second = Thread.ofPlatform().start(() -> snapshots.shared(1L, 7L, 3, () -> snapshot(3)));
        await().until(() -> second.getState() == Thread.State.TIMED_WAITING);

        release.countDown();
        second.join();
        assertThat(reads.get()).as("one read for both screens").isEqualTo(1);
        assertThat(snapshots.shared(1L, 7L, 3, () -> snapshot(3))).as("kept for the next").isSameAs(first.get());
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void aNewerVersionOrAnotherRunOrTenantIsReadAfresh() {
        RunSnapshots.Snapshot three = snapshots.shared(1L, 7L, 3, () -> snapshot(3));
        assertThat(snapshots.shared(1L, 7L, 4, () -> snapshot(4)).version()).isEqualTo(4);
        assertThat(snapshots.shared(2L, 7L, 3, () -> snapshot(3))).as("same run id, another tenant").isNotSameAs(three);
        assertThat(snapshots.shared(1L, 8L, 3, () -> snapshot(3))).isNotSameAs(three);
        assertThat(reads.get()).isEqualTo(4);
    }

    @Test
    void aKeptReadServesOnlyWhileFresh() {
        snapshots.shared(1L, 7L, 3, () -> snapshot(3));
        clock.addAndGet(RunSnapshots.FRESH.toNanos() + 1);
        snapshots.shared(1L, 7L, 3, () -> snapshot(3));
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aReadThatFailsLeavesTheWaitingScreensToReadForThemselves() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RunSnapshots.Snapshot> failing = CompletableFuture.supplyAsync(() -> snapshots.shared(1L, 7L, 3, () -> {
            hold(release);
            throw new IllegalStateException("connection lost");
        }));
        await().until(this::snapshotsIsReading);
        CompletableFuture<RunSnapshots.Snapshot> waiting = new CompletableFuture<>();
        Thread second = Thread.ofPlatform().start(() -> waiting.complete(snapshots.shared(1L, 7L, 3, () -> snapshot(3))));
        await().until(() -> second.getState() == Thread.State.TIMED_WAITING);

        release.countDown();
        second.join();
        assertThat(waiting.get().version()).isEqualTo(3);
        assertThat(reads.get()).isEqualTo(1);
        assertThatThrownBy(failing::join).hasRootCauseMessage("connection lost");
    }

    private boolean snapshotsIsReading() {
        return snapshots.isReading(1L, 7L);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
