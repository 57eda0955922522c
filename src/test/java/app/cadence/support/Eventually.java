package app.cadence.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what another thread does (a module listener reacting to a committed event): reads
 * the state until it satisfies the condition and returns it, or fails after the time-out with
 * the last value seen. A wait on a condition, not a sleep for a guessed time.
 */
public final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Eventually() {
    }

    public static <T> T until(String what, Supplier<T> state, Predicate<? super T> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = state.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + TIMEOUT.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            value = state.get();
        }
        return value;
    }
}
