package app.cadence.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs the same attempt on many threads released at one instant by a barrier, the way an
 * attacker fires parallel requests: races show up without any sleeping.
 */
public final class Simultaneously {

    private Simultaneously() {
    }

    /** The outcome of each attempt, in the order of their indexes; fails if any attempt throws. */
    public static <T> List<T> run(int attempts, IntFunction<T> attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(attempts);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int index = i;
                running.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return attempt.apply(index);
                }));
            }
            List<T> outcomes = new ArrayList<>();
            for (Future<T> outcome : running) {
                outcomes.add(outcome.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
