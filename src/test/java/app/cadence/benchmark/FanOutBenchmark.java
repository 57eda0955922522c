package app.cadence.benchmark;

import static app.cadence.support.flow.StateTree.shown;
import static app.cadence.support.flow.StateTree.tag;
import static app.cadence.support.flow.StateTree.text;
import static app.cadence.support.flow.StateTree.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.HeapHistogram;
import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.flow.FlowClient;
import app.cadence.support.flow.FlowUi;
import app.cadence.support.flow.StateNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live updates as users feel them (issue C6), on the production jar through real sessions: real
 * sign-in through the login form, real Tomcat sessions, Flow's protocol over HTTP and push over
 * WebSockets ({@link FlowClient}), no browser.
 *
 * <ul>
 * <li><b>Fan-out.</b> N UIs (default 10; {@code -Dcadence.fanout.uis=50}) have CLOUD-02's
 * rehearsal runbook open, signed in as Acme's PMO, PM, admin, developer and viewer in turn (one
 * session each). Another session, pm@acme, ticks a step in the item panel (evidence link, status,
 * Save) or reopens it, C times ({@code -Dcadence.fanout.changes}, default 3). For each change the
 * time until the <em>last</em> of the N UIs has received the new progress text is taken — the
 * server's push carrying the new rows, or (when the session must pass a request first) the
 * push, the UI's answer and that answer's response, as Flow's client does it. W changes
 * ({@code -Dcadence.fanout.warmup}, default 0) are made first and reported apart, as "cold". One node: in-process broadcaster, timed from the Save click's request (an upper
 * bound: it includes the save) and from its response (after the commit). Two nodes: Redis between
 * them, UIs split across both, the change made on node A, timed from the change's notice on the
 * run's Redis channel (published after the commit).</li>
 * <li><b>Heap per idle UI.</b> On the one-node process: S sessions
 * ({@code -Dcadence.fanout.sessions}, default 10) sign in and open the portfolio without opening
 * the push connection, then S more with it open; the live heap ({@code jcmd GC.class_histogram},
 * which collects garbage first) before and after each batch, divided by S.</li>
 * </ul>
 *
 * <p>Prints {@code [fanout]} and {@code [heap]} lines with the machine's load average and writes them
 * to {@code target/benchmark-fanout.txt}. Asserts that every UI received every change; the targets
 * (p95 &lt; 300 ms on one node, &lt; 500 ms across two) are reported, not asserted. Run with
 * {@code bin/mvn test -Pfanout} after {@code bin/mvn -Pproduction -DskipTests package}; needs
 * MariaDB (user {@code cadence_test}) and Redis at 127.0.0.1:6379.
 */
@Tag("fanout")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FanOutBenchmark {

    private static final int UIS = Integer.getInteger("cadence.fanout.uis", 10);
    private static final int CHANGES = Integer.getInteger("cadence.fanout.changes", 3);
    /**
     * Changes made first and reported apart ("cold"): a node that has just started spends much of
     * a core compiling (the JIT) while the first changes fan out, which a server that has run for
     * an hour does not.
     */
    private static final int WARMUP = Integer.getInteger("cadence.fanout.warmup", 0);
    private static final int HEAP_SESSIONS = Integer.getInteger("cadence.fanout.sessions", 10);
    private static final Path LOGS = Path.of("target", "fanout");
    private static final String DATABASE = "cadence_test_fanout";
    private static final String REDIS_URL = env("CADENCE_FANOUT_REDIS_URL", "redis://127.0.0.1:6379");
    /** A channel of this run's own, so that other Cadence nodes or tests on the same Redis do not interfere. */
    private static final String CHANNEL = "cadence:fanout:" + System.nanoTime();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** How long a change may take to reach every UI before the run counts it as lost. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    private static final String PASSWORD = "cadence-demo";
    private static final List<String> WATCHERS = List.of("pmo@acme.example", "pm@acme.example", "admin@acme.example",
            "dev@acme.example", "viewer@acme.example");
    private static final List<String> PORTFOLIO_USERS = List.of("pmo@acme.example", "admin@acme.example");
    private static final String TRIGGER = "pm@acme.example";
    private static final String INSTANCE = "Cutover rehearsal 1";
    /** An open step of the rehearsal that needs evidence, so the tick goes through the item panel as in the journeys. */
    private static final String STEP = "Decommission on-premises servers after the agreed period";
    private static final String EVIDENCE = "https://intranet.acme.example/cutover/decommissioning-record";

    private static ScratchDatabase database;
    private static final List<String> report = new ArrayList<>();
    private static final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private static final List<FlowUi> open = new ArrayList<>();

    @BeforeAll
    static void database() throws Exception {
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(LOGS);
        database = ScratchDatabase.create(DATABASE);
        // Flow's client sends a heartbeat every heartbeat interval (300 s here): so do these UIs.
        heartbeats.scheduleAtFixedRate(() -> {
            synchronized (open) {
                open.forEach(ui -> {
                    try {
                        ui.heartbeat();
                    } catch (RuntimeException e) {
                        System.out.println("[fanout] heartbeat failed: " + e.getMessage());
                    }
                });
            }
        }, 60, 60, TimeUnit.SECONDS);
        say("fanout", "machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "; " + UIS + " UIs, " + CHANGES + " changes, " + HEAP_SESSIONS + " sessions per heap batch");
    }

    @AfterAll
    static void report() throws Exception {
        heartbeats.shutdownNow();
        Files.write(Path.of("target", "benchmark-fanout.txt"), report);
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void oneNodeInProcess() throws Exception {
        try (NodeProcess node = NodeProcess.on(database, LOGS, "one-node").demoData(true).start()) {
            node.awaitReady(START_TIMEOUT);
            say("fanout", "one node ready (in-process broadcaster, no Redis), pid " + node.pid());
            if (UIS > 0) {
                fanOut("one node (in-process)", List.of(node), null);
            }
            heapPerIdleUi(node);
            assertThat(Files.readString(node.log())).as("the node's log").doesNotContain(" ERROR ");
        }
    }

    @Test
    @Order(2)
    void twoNodesThroughRedis() throws Exception {
        if (UIS == 0) {
            return; // -Dcadence.fanout.uis=0: the heap only
        }
        RedisClient redis = RedisClient.create(REDIS_URL);
        AtomicLong noticeAt = new AtomicLong();
        try (StatefulRedisPubSubConnection<String, String> notices = redis.connectPubSub()) {
            notices.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    noticeAt.compareAndSet(0, System.currentTimeMillis());
                }
            });
            notices.sync().subscribe(CHANNEL);
            String mailKey = NodeProcess.newMailKey();
            // Node A migrates and seeds (if the one-node run did not); B starts once A is ready.
            try (NodeProcess a = NodeProcess.on(database, LOGS, "node-a").redis(REDIS_URL, CHANNEL).mailKey(mailKey).demoData(true).start()) {
                a.awaitReady(START_TIMEOUT);
                try (NodeProcess b = NodeProcess.on(database, LOGS, "node-b").redis(REDIS_URL, CHANNEL).mailKey(mailKey).start()) {
                    b.awaitReady(START_TIMEOUT);
                    say("fanout", "two nodes ready on MariaDB + Redis (channel " + CHANNEL + ")");
                    fanOut("two nodes (Redis)", List.of(a, b), noticeAt);
                    for (NodeProcess node : List.of(a, b)) {
                        assertThat(Files.readString(node.log())).as(node.name() + "'s log").doesNotContain(" ERROR ");
                    }
                }
            }
        } finally {
            redis.shutdown();
        }
    }

    // --- fan-out -----------------------------------------------------------------------------

    /**
     * Opens the watching UIs (round robin over the nodes), then makes the changes on the first
     * node and times each one to the last UI. {@code noticeAt} is the time of the first message
     * on the run's Redis channel, or null on one node.
     */
    private void fanOut(String configuration, List<NodeProcess> nodes, AtomicLong noticeAt) throws Exception {
        long instanceId = rehearsalId();
        String route = "instances/" + instanceId;
        long opening = System.nanoTime();
        List<FlowUi> watchers = new ArrayList<>();
        for (int i = 0; i < UIS; i++) {
            // One after another: the login throttle counts parallel sign-ins from one address.
            FlowClient browser = new FlowClient(nodes.get(i % nodes.size()).uri());
            browser.signIn(WATCHERS.get(i % WATCHERS.size()), PASSWORD);
            FlowUi ui = browser.open(route).openPush();
            ui.await("the rehearsal's progress", FanOutBenchmark::progress);
            watchers.add(ui);
        }
        keepAlive(watchers);
        try {
            measure(configuration, nodes, route, watchers, noticeAt, opening);
        } finally {
            close(watchers);
        }
    }

    private void measure(String configuration, List<NodeProcess> nodes, String route, List<FlowUi> watchers, AtomicLong noticeAt,
                         long opening) throws Exception {
        say("fanout", configuration + ": " + UIS + " UIs signed in with " + route + " open and push connected in "
                + Duration.ofNanos(System.nanoTime() - opening).toSeconds() + " s");

        FlowClient pmBrowser = new FlowClient(nodes.getFirst().uri());
        pmBrowser.signIn(TRIGGER, PASSWORD);
        // The step's panel opened by its address (the grid's titles are rendered in the browser, which this client does not run).
        try (FlowUi pm = pmBrowser.open(route + "?item=" + stepItemId()).openPush()) {
            change(configuration, pm, watchers, noticeAt);
        }
    }

    /** The PM ticks the step, or reopens it, {@link #CHANGES} times; each change is timed to the last watching UI. */
    private void change(String configuration, FlowUi pm, List<FlowUi> watchers, AtomicLong noticeAt) throws Exception {
        StateNode evidence = pm.await("the evidence link field", t -> t.find(tag("vaadin-text-field").and(n -> "Evidence link".equals(n.property("label")))));
        StateNode status = pm.await("the status select", t -> t.find(tag("vaadin-select").and(n -> "Status".equals(n.property("label")))));
        StateNode save = pm.await("the Save button", t -> t.find(tag("vaadin-button").and(text("Save")).and(shown())));
        String doneKey = pm.read(t -> t.find(tag("vaadin-select-item").and(text("Done"))).orElseThrow().property("value"));
        String openKey = pm.read(t -> t.find(tag("vaadin-select-item").and(text("Open"))).orElseThrow().property("value"));
        pm.setProperty(evidence, "value", EVIDENCE);

        Map<FlowUi, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicReference<String> before = new AtomicReference<>();
        for (FlowUi ui : watchers) {
            ui.onMessage(message -> {
                String shown = ui.read(FanOutBenchmark::progress);
                if (before.get() != null && shown != null && !shown.equals(before.get())) {
                    receivedAt.putIfAbsent(ui, message.atMillis());
                }
            });
        }

        List<Long> fromRequest = new ArrayList<>();
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> fromNotice = new ArrayList<>();
        List<Long> coldFromAnswer = new ArrayList<>();
        for (int change = 0; change < WARMUP + CHANGES; change++) {
            boolean done = doneKey.equals(pm.read(t -> status.property("value")));
            pm.setProperty(status, "value", done ? openKey : doneKey);
            String was = pm.read(FanOutBenchmark::progress);
            for (FlowUi ui : watchers) {
                assertThat(ui.read(FanOutBenchmark::progress)).as("UI %d before change %d", ui.uiId(), change).isEqualTo(was);
            }
            receivedAt.clear();
            before.set(was);
            if (noticeAt != null) {
                noticeAt.set(0);
            }
            long clicked = System.currentTimeMillis();
            pm.click(save);
            long answered = System.currentTimeMillis();
            String now = pm.read(FanOutBenchmark::progress);
            assertThat(now).as("the PM's own progress after saving").isNotEqualTo(was);
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
            while (receivedAt.size() < watchers.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(receivedAt).as("UIs that received change %d within %s", change, DELIVERY_TIMEOUT).hasSize(watchers.size());
            for (FlowUi ui : watchers) {
                assertThat(ui.read(FanOutBenchmark::progress)).as("UI %d after change %d", ui.uiId(), change).isEqualTo(now);
            }
            before.set(null);
            long last = receivedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            if (change < WARMUP) {
                coldFromAnswer.add(last - answered);
                Thread.sleep(600);
                continue;
            }
            fromRequest.add(last - clicked);
            fromAnswer.add(last - answered);
            if (noticeAt != null) {
                assertThat(noticeAt.get()).as("the change's notice on Redis").isPositive();
                fromNotice.add(last - noticeAt.get());
            }
            // Past LiveScreens' debounce (250 ms), so that every change is a refresh of its own.
            Thread.sleep(600);
        }

        String figures = (noticeAt != null ? "from the notice on Redis (after the commit) " + percentiles(fromNotice) + "; " : "")
                + "from the Save click's response (after the commit) " + percentiles(fromAnswer)
                + "; from its request (upper bound, includes the save) " + percentiles(fromRequest);
        String target = noticeAt != null ? "target p95 < 500 ms from the commit: " + verdict(p95(fromNotice), 500)
                : "target p95 < 300 ms from the commit: " + verdict(p95(fromAnswer), 300) + " (from the response)";
        String cold = WARMUP == 0 ? "" : " (the " + WARMUP + " changes before them, on the node just started: from the response "
                + percentiles(coldFromAnswer) + ")";
        say("fanout", configuration + ", " + UIS + " UIs, " + CHANGES + " changes" + (WARMUP == 0 ? "" : " after " + WARMUP + " warm-up changes")
                + " — last UI received the change: " + figures + " — " + target + cold);
    }

    // --- heap per idle UI --------------------------------------------------------------------

    private void heapPerIdleUi(NodeProcess node) throws Exception {
        // Warm-up: class loading and caches must not count as sessions.
        close(portfolioSessions(node, 3, false));
        close(portfolioSessions(node, 3, true));
        Map<String, long[]> baseHistogram = HeapHistogram.of(node.pid(), 2);
        long base = HeapHistogram.totalBytes(baseHistogram);
        List<FlowUi> withoutPush = portfolioSessions(node, HEAP_SESSIONS, false);
        Map<String, long[]> withoutHistogram = HeapHistogram.of(node.pid(), 2);
        long afterWithout = HeapHistogram.totalBytes(withoutHistogram);
        List<FlowUi> withPush = portfolioSessions(node, HEAP_SESSIONS, true);
        Map<String, long[]> withHistogram = HeapHistogram.of(node.pid(), 2);
        long afterWith = HeapHistogram.totalBytes(withHistogram);
        long perUiWithout = (afterWithout - base) / HEAP_SESSIONS;
        long perUiWith = (afterWith - afterWithout) / HEAP_SESSIONS;
        List<String> closed = withPush.stream().filter(ui -> !ui.isPushOpen()).map(FlowUi::pushClosedBecause).toList();
        say("heap", "live heap per idle signed-in session on the portfolio (real sessions, production jar, " + HEAP_SESSIONS
                + " per batch): without push " + kb(perUiWithout) + ", with push " + kb(perUiWith) + " (" + kb(perUiWith - perUiWithout)
                + " more) — target < 300 KB: " + verdict(perUiWith / 1024, 300) + "; live heap " + mb(base) + " → " + mb(afterWithout)
                + " → " + mb(afterWith) + (closed.isEmpty() ? "" : "; " + closed.size() + " push connections closed meanwhile: " + closed.getFirst()));
        assertThat(closed).as("push connections closed before the heap was measured").isEmpty();
        say("heap", "what a UI with push holds more than one without (per UI, the 12 largest differences by class; instances and bytes): "
                + pushShare(baseHistogram, withoutHistogram, withHistogram));
        close(withoutPush);
        close(withPush);
    }

    /** Per class, (with push − without) − (without − base), divided by the batch size: what push adds per UI. */
    private static String pushShare(Map<String, long[]> base, Map<String, long[]> without, Map<String, long[]> with) {
        Map<String, long[]> extra = new java.util.HashMap<>();
        for (String type : with.keySet()) {
            long[] b = base.getOrDefault(type, new long[2]);
            long[] wo = without.getOrDefault(type, new long[2]);
            long[] w = with.get(type);
            extra.put(type, new long[] {(w[0] - wo[0]) - (wo[0] - b[0]), (w[1] - wo[1]) - (wo[1] - b[1])});
        }
        return extra.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(12)
                .map(e -> e.getKey() + " " + String.format("%.1f", e.getValue()[0] / (double) HEAP_SESSIONS) + " × = "
                        + kb(e.getValue()[1] / HEAP_SESSIONS))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Signs in {@code count} sessions one after another, each with the portfolio open (and its push connection, if asked). */
    private static List<FlowUi> portfolioSessions(NodeProcess node, int count, boolean push) {
        List<FlowUi> uis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FlowClient browser = new FlowClient(node.uri());
            browser.signIn(PORTFOLIO_USERS.get(i % PORTFOLIO_USERS.size()), PASSWORD);
            FlowUi ui = browser.open("portfolio");
            ui.await("the portfolio grid", t -> t.find(tag("vaadin-grid")));
            if (push) {
                ui.openPush();
            }
            uis.add(ui);
        }
        keepAlive(uis);
        return uis;
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String progress(app.cadence.support.flow.StateTree tree) {
        return tree.find(withClass("progress-text")).map(StateNode::text).filter(s -> !s.isBlank()).orElse(null);
    }

    private static long stepItemId() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from instance_item where instance_id = " + rehearsalId() + " and title = '" + STEP + "'")) {
            assertThat(r.next()).as("the step " + STEP + " in the demo rehearsal").isTrue();
            return r.getLong(1);
        }
    }

    private static long rehearsalId() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select i.id from project_instance i join project p on p.id = i.project_id"
                     + " where p.project_key = 'CLOUD-02' and i.name = '" + INSTANCE + "'")) {
            assertThat(r.next()).as("CLOUD-02's " + INSTANCE + " in the demo data").isTrue();
            return r.getLong(1);
        }
    }

    private static void keepAlive(List<FlowUi> uis) {
        synchronized (open) {
            open.addAll(uis);
        }
    }

    private static void close(List<FlowUi> uis) {
        synchronized (open) {
            open.removeAll(uis);
        }
        uis.forEach(FlowUi::close);
    }

    private static long p95(List<Long> values) {
        return percentile(values, 0.95);
    }

    /** Nearest rank: the smallest value with at least that share of the values at or below it. */
    private static long percentile(List<Long> values, double share) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }

    private static String percentiles(List<Long> values) {
        return "p50 " + percentile(values, 0.5) + " ms, p95 " + p95(values) + " ms (max " + percentile(values, 1) + ")";
    }

    private static String verdict(long measured, long target) {
        return measured < target ? "met" : "NOT met (" + measured + ")";
    }

    private static String kb(long bytes) {
        return String.format("%.0f KB", bytes / 1024.0);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    private static void say(String kind, String text) {
        String line = "[" + kind + "] " + text + " — load " + loadAverage();
        System.out.println(line);
        report.add(line);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
