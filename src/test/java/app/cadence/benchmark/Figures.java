package app.cadence.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How the simulations report latencies: nearest-rank percentiles, a verdict against a target, the machine's load. */
final class Figures {

    private Figures() {
    }

    /** Nearest rank: the smallest value with at least that share of the values at or below it. */
    static long percentile(List<Long> values, double share) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }

    static String percentiles(List<Long> values) {
        return "p50 " + percentile(values, 0.5) + " ms, p95 " + percentile(values, 0.95) + " ms, max " + percentile(values, 1) + " ms";
    }

    static String verdict(long measured, long target) {
        return measured < target ? "met" : "NOT met (" + measured + " ms)";
    }

    /** The 1, 5 and 15 minute load averages, printed beside every figure: the machine is shared. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The heap used, sampled every 10 ms from a daemon thread while work runs: {@link #peak()} is
     * the highest seen since it started (garbage included, as a large heap rarely collects).
     */
    static final class HeapPeak implements AutoCloseable {

        private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread sampler;

        HeapPeak() {
            peak.set(memory.getHeapMemoryUsage().getUsed());
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10); // sampling, not waiting for the system under test
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            sampler.join();
        }
    }
}
