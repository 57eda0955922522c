package app.cadence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadsSinceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final ReadsSince<String, String> shared = new ReadsSince<>(Duration.ofNanos(500), Duration.ofSeconds(5), now::get);

    private String readAt(String value) {
        reads.incrementAndGet();
        return value + "@" + now.get();
    }

    @Test
    void aReadBegunAfterTheNeedAroseIsSharedAndOneBegunBeforeItIsNot() {
        assertThat(shared.read("member", 900, () -> readAt("first"))).isEqualTo("first@1000");

        now.set(1_100);
        assertThat(shared.read("member", 950, () -> readAt("second"))).as("needed since before the first read began")
                .isEqualTo("first@1000");
        assertThat(reads).hasValue(1);

        assertThat(shared.read("member", 1_050, () -> readAt("third"))).as("needed since after it began: too old")
                .isEqualTo("third@1100");
        assertThat(shared.read("other", 900, () -> readAt("other"))).as("another key").isEqualTo("other@1100");
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReadThatBeganBeforeItsCallerAskedCountsFromWhenItBegan() {
        // The caller's transaction ran its first statement at 900; it asks at 1,000.
        assertThat(shared.read("portfolio", 900, 900, () -> readAt("first"))).isEqualTo("first@1000");
        assertThat(shared.read("portfolio", 950, () -> readAt("second"))).as("a need that arose after 900 is not served by it")
                .isEqualTo("second@1000");
        assertThat(shared.read("portfolio", 1_000, () -> readAt("third"))).as("the second began at 1,000").isEqualTo("second@1000");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aCallerWaitsForAReadUnderWayInsteadOfRepeatingIt() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> shared.read("member", 1_000, () -> {
            reading.countDown();
            await(release);
            return readAt("first");
        }));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> shared.read("member", 1_000, () -> readAt("second")));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first@1000");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("first@1000");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFailedReadIsNotSharedAndTheNextCallerReadsItself() {
        assertThatThrownBy(() -> shared.read("member", 1_000, () -> {
            throw new IllegalStateException("connection refused");
        })).hasMessage("connection refused");

        assertThat(shared.read("member", 1_000, () -> readAt("again"))).isEqualTo("again@1000");
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void answersAreDroppedOnceNobodyCouldUseThem() {
        shared.read("a", 1_000, () -> readAt("a"));
        shared.read("b", 1_000, () -> readAt("b"));
        assertThat(shared.size()).isEqualTo(2);

        now.set(1_600);
        shared.read("c", 1_600, () -> readAt("c"));
        assertThat(shared.size()).as("a and b are older than the keep time").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
