package app.cadence.portfolio.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rules by which portfolio screens share a read: what they may take, and what they must read again. */
class SharedReadsTest {

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final SharedReads shared = new SharedReads(clock::get);
    final AtomicInteger reads = new AtomicInteger();

    List<String> read(Object key, Long heardAt) {
        return shared.read(key, heardAt, shared.now(), () -> List.of("read " + reads.incrementAndGet()));
    }

    @Test
    void screensRefreshingForTheSameChangeShareTheReadThatBeganAfterIt() {
        long heard = clock.get();
        clock.addAndGet(1_000);
        List<String> first = read("page 1", heard);
        clock.addAndGet(50_000_000);
        assertThat(read("page 1", heard)).isSameAs(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatBeganBeforeTheChangeWasHeardOfIsReadAgain() {
        read("page 1", clock.get());
        clock.addAndGet(1_000);
        long heardLater = clock.get();
        clock.addAndGet(1_000);
        assertThat(read("page 1", heardLater)).containsExactly("read 2");
    }

    @Test
    void aReadOlderThanTheLimitIsReadAgainAsTheCountsMoveWithTheClock() {
        long heard = clock.get();
        read("page 1", heard);
        clock.addAndGet(SharedReads.MAX_AGE.toNanos() + 1);
        assertThat(read("page 1", heard)).containsExactly("read 2");
    }

    @Test
    void otherArgumentsAreAnotherRead() {
        long heard = clock.get();
        read("page 1", heard);
        assertThat(read("page 2", heard)).containsExactly("read 2");
    }

    @Test
    void aScreenThatAsksForAFreshReadReadsButOffersItsReadToTheOthers() {
        long heard = clock.get();
        read("page 1", heard);
        List<String> fresh = read("page 1", null);
        assertThat(fresh).containsExactly("read 2");
        assertThat(read("page 1", heard)).isSameAs(fresh);
    }

    @Test
    void aFailedReadIsNotSharedAndTheNextScreenReadsForItself() {
        long heard = clock.get();
        assertThatThrownBy(() -> shared.read("page 1", heard, shared.now(), () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(read("page 1", heard)).containsExactly("read 1");
    }

    @Test
    void aSecondScreenWaitsForTheReadStillRunningInsteadOfRepeatingIt() throws Exception {
        long heard = clock.get();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> shared.read("page 1", heard, shared.now(), () -> {
            reading.countDown();
            await(mayFinish);
            return List.of("read " + reads.incrementAndGet());
        }));
        reading.await();
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> read("page 1", heard));
        mayFinish.countDown();
        assertThat(second.get()).isSameAs(first.get());
        assertThat(reads).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
