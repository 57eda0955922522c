package app.cadence.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Live objects in another JVM's heap by class, from {@code jcmd GC.class_histogram}: it collects
 * garbage first (a full GC) and then counts, so its total is the heap after a full GC, read in
 * the same pause.
 */
public final class HeapHistogram {

    /** The key under which {@link #of} keeps the sum over all classes. */
    public static final String TOTAL = "Total";

    private HeapHistogram() {
    }

    /**
     * Instances and bytes per class name (the sum under {@link #TOTAL}). Taken {@code times} in a
     * row, the last one counted: a second one right after the first finds gone whatever the first
     * collection freed late.
     */
    public static Map<String, long[]> of(long pid, int times) throws IOException, InterruptedException {
        String out = "";
        for (int i = 0; i < times; i++) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
            out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : out.lines().toList()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) { // " num: instances bytes class [module]"
                byClass.merge(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            } else if (fields.length >= 3 && fields[0].equals(TOTAL)) {
                byClass.put(TOTAL, new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        if (!byClass.containsKey(TOTAL)) {
            throw new IllegalStateException("No total in jcmd's histogram: " + out);
        }
        return byClass;
    }

    /** Bytes of live objects in all. */
    public static long totalBytes(Map<String, long[]> histogram) {
        return histogram.get(TOTAL)[1];
    }

    /** Instances and bytes per class gained from {@code before} to {@code after}. */
    public static Map<String, long[]> minus(Map<String, long[]> after, Map<String, long[]> before) {
        Map<String, long[]> diff = new HashMap<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            diff.put(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
        }
        return diff;
    }
}
