package app.cadence.benchmark;

import static app.cadence.support.Jdbc.single;
import static app.cadence.support.Jdbc.update;
import static app.cadence.support.Jdbc.insert;
import static app.cadence.support.Jdbc.generated;
import static app.cadence.benchmark.Figures.loadAverage;
import static app.cadence.benchmark.Figures.percentile;
import static app.cadence.benchmark.Figures.percentiles;
import static app.cadence.benchmark.Figures.verdict;
import static app.cadence.support.flow.StateTree.shown;
import static app.cadence.support.flow.StateTree.tag;
import static app.cadence.support.flow.StateTree.text;
import static app.cadence.support.flow.StateTree.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.flow.FlowClient;
import app.cadence.support.flow.FlowUi;
import app.cadence.support.flow.StateNode;
import app.cadence.support.flow.StateTree;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.TemplateFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue C7's "30 people working one run at once", through the real HTTP protocol: the production
 * jar on a scratch MariaDB database, real sign-in through the login form, one Tomcat session per
 * person, Flow's protocol over HTTP and push over WebSockets ({@link FlowClient}), no browser.
 *
 * <p><b>Set-up (not measured).</b> The node seeds the demo organisations. Then, straight into the
 * database: P contributor accounts in Acme ({@code runner01@acme.example} …, the demo password's
 * hash), a published cutover template of P lanes — one owner role per person, each lane's steps in
 * a row, and every third step also waiting for the neighbouring lane's step before — and a
 * runbook instance of it on CLOUD-02, without items (a run reads only the plan). The PM schedules
 * a rehearsal on the instance page through the protocol; the roster (role i → runner i) goes
 * into the database; the PM starts the run on the run screen. The node is a separate process, and
 * the jar has no test hooks.
 *
 * <p><b>Simulation (measured).</b> Each person has {@code runs/{id}} open with push, waits until a
 * step of theirs offers its one-click action on the Now board (pushed when a neighbour's step
 * finishes), thinks a while (uniform between {@code cadence.runsim.think-min} and
 * {@code think-max} ms), and clicks it: Start, then Done. For every click: the time from the click
 * to its answer being applied to the person's screen (UIDL round trip with the server's work and
 * re-render; includes waiting for a message of the same tab still in flight, as Flow's client
 * queues them), and the request's own round trip on the wire. For every Done: when each of the
 * other screens first shows a progress count at least as high as the one the person's own screen
 * showed in the answer (counts only grow, one step at a time under the run's lock, so that screen
 * has this change). It runs for {@code cadence.runsim.seconds} or until {@code cadence.runsim.actions}
 * clicks.
 *
 * <p><b>End.</b> Once the clicks stop and the screens settle, every screen must show what the
 * database holds: the progress text ("D of M steps done"), and the Now board's "In progress" and
 * "Ready to start" counts.
 *
 * <p>Prints {@code [run-sim]} lines with the load average, writes them to
 * {@code target/benchmark-run-sim.txt}. The p95 target (&lt; 300 ms per action) is reported, not
 * asserted; consistency and a clean log are asserted. Run with {@code bin/mvn test -Prun-sim}
 * after {@code bin/mvn -Pproduction -DskipTests package}; needs MariaDB (user {@code cadence_test}).
 */
@Tag("run-sim")
class RunSimulationBenchmark {

    private static final int PEOPLE = Integer.getInteger("cadence.runsim.people", 30);
    private static final int STEPS_PER_PERSON = Integer.getInteger("cadence.runsim.steps-per-person", 16);
    private static final int SECONDS = Integer.getInteger("cadence.runsim.seconds", 150);
    private static final int MAX_ACTIONS = Integer.getInteger("cadence.runsim.actions", Integer.MAX_VALUE);
    private static final int THINK_MIN = Integer.getInteger("cadence.runsim.think-min", 4000);
    private static final int THINK_MAX = Integer.getInteger("cadence.runsim.think-max", 12000);
    /** {@code -Dcadence.runsim.jfr=true}: the node records a flight recording to {@code target/run-sim/run-sim.jfr}. */
    private static final boolean JFR = Boolean.getBoolean("cadence.runsim.jfr");
    /** {@code -Dcadence.runsim.pool-size=N}: the node's database connection pool (CADENCE_DB_POOL_SIZE); the product's default otherwise. */
    private static final String POOL_SIZE = System.getProperty("cadence.runsim.pool-size");
    private static final Path LOGS = Path.of("target", "run-sim");
    private static final String DATABASE = "cadence_test_runsim";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "cadence-demo";
    private static final String PM = "pm@acme.example";
    private static final String TEMPLATE = "Thirty-person cutover (run simulation)";
    private static final Pattern PROGRESS = Pattern.compile("(\\d+) of (\\d+) steps done");
    private static final Pattern COUNTED = Pattern.compile("\\((\\d+)\\)");

    private final List<String> report = new ArrayList<>();
    private ScratchDatabase database;

    /** One simulated person: their session's tab on the run screen, and what they saw. */
    private static final class Person {
        final int number;
        final FlowUi ui;
        /** Their lane: the titles of their steps, in order. */
        final List<String> titles;
        /** Per progress count k, when this screen first showed at least k steps done (this machine's clock). */
        final Map<Integer, Long> firstShowed = new ConcurrentHashMap<>();
        volatile int shownDone = -1;
        StateNode progressNode;

        Person(int number, FlowUi ui, List<String> titles) {
            this.number = number;
            this.ui = ui;
            this.titles = titles;
        }

        String marker() {
            return "of runner " + two(number) + "”";
        }
    }

    /** A click and its timing; for a Done, the progress count the person's screen showed in its answer. */
    private record Click(String kind, int person, long clickedAt, long answeredAt, long totalNanos, long wireNanos, int doneShown) {
    }

    @Test
    void thirtyPeopleWorkOneRun() throws Exception {
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(LOGS);
        database = ScratchDatabase.create(DATABASE);
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        NodeProcess.Builder configured = NodeProcess.on(database, LOGS, "run-sim").demoData(true)
                // Flow says at DEBUG when it ignores a click on a component that was redrawn meanwhile: counted at the end.
                .argument("--logging.level.com.vaadin.flow.server.communication.rpc.AbstractRpcInvocationHandler=DEBUG");
        if (POOL_SIZE != null) {
            configured.env("CADENCE_DB_POOL_SIZE", POOL_SIZE);
        }
        if (JFR) {
            // Where the node's time goes: a flight recording, written when the node stops.
            configured.env("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=160 -XX:StartFlightRecording=settings=profile,filename=" + LOGS.resolve("run-sim.jfr").toAbsolutePath());
        }
        try (NodeProcess node = configured.start()) {
            node.awaitReady(START_TIMEOUT);
            say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + "; "
                    + PEOPLE + " people, " + STEPS_PER_PERSON + " steps each, think " + THINK_MIN + "–" + THINK_MAX + " ms, for "
                    + SECONDS + " s or " + (MAX_ACTIONS == Integer.MAX_VALUE ? "no limit of" : MAX_ACTIONS) + " clicks; node pid " + node.pid());

            Map<Integer, List<String>> lanes = new HashMap<>();
            Map<String, Integer> forwardSteps = new HashMap<>();
            TemplateContent content = runbook(lanes, forwardSteps);
            long instanceId = seed(content);
            long runId = scheduleAndStart(node, instanceId);
            say("set-up: " + PEOPLE + " contributors, a " + forwardSteps.size() + "-step runbook, rehearsal " + runId
                    + " scheduled and started by the PM through the run screen, roster role i → runner i");

            List<Person> people = openScreens(node, runId, lanes);
            heartbeats.scheduleAtFixedRate(() -> people.forEach(p -> {
                try {
                    p.ui.heartbeat();
                } catch (RuntimeException e) {
                    System.out.println("[run-sim] heartbeat failed: " + e.getMessage());
                }
            }), 60, 60, TimeUnit.SECONDS);
            try {
                List<Click> clicks = simulate(people);
                settleAndCheck(people, runId, forwardSteps);
                report(people, clicks);
            } finally {
                people.forEach(p -> p.ui.close());
            }
            String log = Files.readString(node.log());
            say("the node ignored " + log.lines().filter(l -> l.contains("Ignoring RPC for non-existent node")).count()
                    + " events for components that no longer existed (clicks on a redrawn board)");
            assertThat(log).as("the node's log " + node.log()).doesNotContain(" ERROR ");
            // The jar starts with lazy repositories (a faster start) and builds them all right after it is ready.
            Matcher warmedUp = Pattern.compile("(\\d+) repositories built").matcher(log);
            assertThat(warmedUp.find() && Integer.parseInt(warmedUp.group(1)) >= 40).as("every repository built after ready, in " + node.log()).isTrue();
            assertThat(log).doesNotContain("could not be built ahead of use");
        } finally {
            heartbeats.shutdownNow();
            Files.write(Path.of("target", "benchmark-run-sim.txt"), report);
            database.close();
        }
    }

    // --- set-up ------------------------------------------------------------------------------

    /**
     * One lane per person: their steps in a row, every third also waiting for the step before it
     * in the next person's lane, so people wait for each other as on a real cutover night. Ten
     * minutes each, planned one after another from T−2h; one owner role per person; no evidence
     * asked (the one-click action finishes it).
     */
    private static TemplateContent runbook(Map<Integer, List<String>> lanes, Map<String, Integer> forwardSteps) {
        UUID[][] keys = new UUID[PEOPLE + 1][STEPS_PER_PERSON];
        Random random = new Random(7);
        for (int p = 1; p <= PEOPLE; p++) {
            for (int s = 0; s < STEPS_PER_PERSON; s++) {
                keys[p][s] = new UUID(random.nextLong(), random.nextLong());
            }
        }
        List<TemplateSection> sections = new ArrayList<>();
        for (int s = 0; s < STEPS_PER_PERSON; s++) {
            List<TemplateItem> items = new ArrayList<>();
            for (int p = 1; p <= PEOPLE; p++) {
                List<UUID> predecessors = new ArrayList<>();
                if (s > 0) {
                    predecessors.add(keys[p][s - 1]);
                    if (s % 3 == 0 && PEOPLE > 1) {
                        predecessors.add(keys[p % PEOPLE + 1][s - 1]);
                    }
                }
                String title = "Task " + two(s + 1) + " of runner " + two(p);
                items.add(new CutoverStep(keys[p][s], title, null, StepType.TASK, -120 + s * 10, 10, role(p), predecessors, null, null, false));
                lanes.computeIfAbsent(p, x -> new ArrayList<>()).add(title);
                forwardSteps.put(keys[p][s].toString(), p);
            }
            sections.add(new TemplateSection(new UUID(s, 1), "Wave " + (s + 1), SectionRole.EXECUTION, items));
        }
        return new TemplateContent(TemplateKind.CUTOVER, sections, null);
    }

    /** Accounts, memberships, the published template and a runbook instance on CLOUD-02, straight into the database. Returns the instance's id. */
    private long seed(TemplateContent content) throws SQLException {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = database.connect()) {
            long acme = single(c, "select id from tenant where slug = 'acme'");
            long projectId = single(c, "select id from project where project_key = 'CLOUD-02'");
            for (int p = 1; p <= PEOPLE; p++) {
                try (PreparedStatement account = c.prepareStatement("insert into user_account (email, display_name, password_hash, enabled, created_at, version)"
                        + " select ?, ?, password_hash, true, ?, 0 from user_account where email = 'dev@acme.example'", Statement.RETURN_GENERATED_KEYS)) {
                    account.setString(1, "runner" + two(p) + "@acme.example");
                    account.setString(2, "Runner " + two(p));
                    account.setObject(3, now);
                    assertThat(account.executeUpdate()).isEqualTo(1);
                    long userId = generated(account);
                    update(c, "insert into membership (tenant_id, user_id, role, active, created_at, version) values (?, ?, 'CONTRIBUTOR', true, ?, 0)",
                            acme, userId, now);
                }
            }
            long templateId = insert(c, "insert into template (tenant_id, kind, name, description, status, created_at, created_by, updated_at, updated_by, version)"
                    + " values (?, 'CUTOVER', ?, 'Generated for the run simulation benchmark.', 'ACTIVE', ?, 'benchmark', ?, 'benchmark', 0)", acme, TEMPLATE, now, now);
            long versionId = insert(c, "insert into template_version (tenant_id, template_id, number, state, content, item_count, change_note, updated_at,"
                    + " updated_by, published_at, published_by, version) values (?, ?, 1, 'PUBLISHED', ?, ?, 'Generated', ?, 'benchmark', ?, 'benchmark', 0)",
                    acme, templateId, TemplateFormat.write(content), content.itemCount(), now, now);
            // T0 two hours and a quarter ahead: the first steps (T−2h) are due now.
            LocalDateTime t0 = now.plusMinutes(135).truncatedTo(ChronoUnit.HOURS).plusMinutes(15 * (now.plusMinutes(135).getMinute() / 15));
            return insert(c, "insert into project_instance (tenant_id, project_id, template_id, template_version_id, template_name, version_number, kind,"
                    + " name, anchor_at, time_zone, created_at, created_by, updated_at, updated_by, version)"
                    + " values (?, ?, ?, ?, ?, 1, 'CUTOVER', 'Run simulation', ?, 'Europe/London', ?, 'benchmark', ?, 'benchmark', 0)",
                    acme, projectId, templateId, versionId, TEMPLATE, t0, now, now);
        }
    }

    /** The PM schedules a rehearsal on the instance page and starts it on the run screen; the roster goes into the database in between. */
    private long scheduleAndStart(NodeProcess node, long instanceId) throws SQLException {
        FlowClient browser = new FlowClient(node.uri());
        browser.signIn(PM, PASSWORD);
        try (FlowUi pm = browser.open("instances/" + instanceId)) {
            pm.click(pm.await("Schedule a rehearsal", t -> button(t, "Schedule a rehearsal")));
            pm.click(pm.await("the dialog's Schedule button", t -> button(t, "Schedule")));
        }
        long runId;
        try (Connection c = database.connect()) {
            runId = single(c, "select max(id) from cutover_run where instance_id = " + instanceId);
            long acme = single(c, "select tenant_id from cutover_run where id = " + runId);
            for (int p = 1; p <= PEOPLE; p++) {
                update(c, "insert into cutover_run_role (tenant_id, run_id, role_name, user_id)"
                        + " select ?, ?, ?, id from user_account where email = ?", acme, runId, role(p), "runner" + two(p) + "@acme.example");
            }
        }
        try (FlowUi pm = browser.open("runs/" + runId)) {
            pm.click(pm.await("Start the run", t -> button(t, "Start the run")));
            pm.click(pm.await("Start now", t -> button(t, "Start now")));
            pm.await("the run running", t -> t.find(withClass("run-state-running")));
        }
        return runId;
    }

    /** Each person signs in (one after another: the login throttle counts per address) and opens the run screen with push. */
    private List<Person> openScreens(NodeProcess node, long runId, Map<Integer, List<String>> lanes) {
        long opening = System.nanoTime();
        List<Person> people = new ArrayList<>();
        for (int p = 1; p <= PEOPLE; p++) {
            FlowClient browser = new FlowClient(node.uri());
            browser.signIn("runner" + two(p) + "@acme.example", PASSWORD);
            FlowUi ui = browser.open("runs/" + runId).openPush();
            Person person = new Person(p, ui, lanes.get(p));
            person.progressNode = ui.await("the run's progress", t -> t.find(withClass("run-progress-text")).filter(n -> !n.text().isBlank()));
            person.shownDone = done(ui.read(t -> person.progressNode.text()));
            ui.onMessage(m -> {
                int shown = done(ui.read(t -> person.progressNode.text()));
                int before = person.shownDone;
                for (int k = before + 1; k <= shown; k++) {
                    person.firstShowed.putIfAbsent(k, m.atMillis());
                }
                if (shown > before) {
                    person.shownDone = shown;
                }
            });
            people.add(person);
        }
        say(PEOPLE + " people signed in with runs/" + runId + " open and push connected in "
                + Duration.ofNanos(System.nanoTime() - opening).toSeconds() + " s");
        return people;
    }

    // --- the simulation -------------------------------------------------------------------------

    private List<Click> simulate(List<Person> people) throws InterruptedException {
        List<Click> clicks = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger budget = new AtomicInteger(MAX_ACTIONS);
        AtomicInteger lostClicks = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        long began = System.currentTimeMillis();
        List<Thread> threads = new ArrayList<>();
        for (Person person : people) {
            threads.add(Thread.ofPlatform().name("runner-" + person.number).start(() -> {
                try {
                    work(person, clicks, stop, budget, lostClicks, deadline);
                } catch (Throwable e) {
                    failures.add(e);
                    stop.set(true);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long took = System.currentTimeMillis() - began;
        say(String.format(Locale.ROOT, "simulation: %d clicks in %.0f s (%.2f per second), %d of them lost (the board was redrawn before the click reached"
                + " the server; clicked again)", clicks.size(), took / 1000.0, clicks.size() * 1000.0 / took, lostClicks.get()));
        assertThat(failures).as("people whose work failed").isEmpty();
        return clicks;
    }

    /** A person's evening: wait for a step of theirs with an action, think, click; until the time or the budget runs out. */
    private static void work(Person person, List<Click> clicks, AtomicBoolean stop, AtomicInteger budget, AtomicInteger lostClicks, long deadline)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get() && System.nanoTime() < deadline) {
            Optional<StateNode> mine = waitForMyAction(person, stop, deadline);
            if (mine.isEmpty()) {
                return;
            }
            Thread.sleep(random.nextInt(THINK_MIN, THINK_MAX + 1));
            if (stop.get() || System.nanoTime() >= deadline) {
                return;
            }
            if (budget.getAndDecrement() <= 0) {
                stop.set(true);
                return;
            }
            // Looked up again just before the click: the board may have been redrawn while the person thought.
            StateNode button = person.ui.read(t -> myAction(t, person)).orElse(null);
            if (button == null) {
                budget.incrementAndGet();
                continue;
            }
            String label = person.ui.read(t -> button.attribute("aria-label"));
            String kind = label.startsWith("Start") ? "Start" : "Done";
            long clickedAt = System.currentTimeMillis();
            long start = System.nanoTime();
            person.ui.click(button);
            long total = System.nanoTime() - start;
            long wire = FlowUi.lastRoundTripNanos();
            long answeredAt = System.currentTimeMillis();
            boolean stillOffered = person.ui.read(t -> t.find(tag("vaadin-button").and(n -> label.equals(n.attribute("aria-label")))).isPresent());
            if (stillOffered) {
                System.out.println("[run-sim] lost click of runner " + person.number + " on node " + button.id() + " “" + label + "”: still attached "
                        + person.ui.read(t -> t.attached().contains(button)) + "; answered in " + total / 1_000_000 + " ms");
                lostClicks.incrementAndGet();
                budget.incrementAndGet();
                continue;
            }
            int doneShown = kind.equals("Done") ? done(person.ui.read(t -> person.progressNode.text())) : -1;
            clicks.add(new Click(kind, person.number, clickedAt, answeredAt, total, wire, doneShown));
        }
    }

    private static Optional<StateNode> waitForMyAction(Person person, AtomicBoolean stop, long deadline) {
        while (!stop.get() && System.nanoTime() < deadline) {
            try {
                return Optional.of(person.ui.await("a step of runner " + person.number + " to work", t -> myAction(t, person), Duration.ofSeconds(2)));
            } catch (AssertionError stillWaiting) {
                if (person.ui.read(t -> t.find(withClass("run-state-running")).isEmpty())) {
                    throw stillWaiting;
                }
            }
        }
        return Optional.empty();
    }

    /** The one-click action (Start or Done) on a Now-board card of one of the person's steps. */
    private static Optional<StateNode> myAction(StateTree tree, Person person) {
        String marker = person.marker();
        return tree.find(tag("vaadin-button").and(withClass("now-card-action")).and(n -> {
            String label = n.attribute("aria-label");
            return label != null && label.endsWith(marker) && (label.startsWith("Start “") || label.startsWith("Done “"));
        }));
    }

    // --- the end --------------------------------------------------------------------------------

    /** Waits until every screen shows what the database holds, then asserts it. */
    private void settleAndCheck(List<Person> people, long runId, Map<String, Integer> forwardSteps) throws Exception {
        Map<String, Integer> states = new HashMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select step_key, state from cutover_run_step where run_id = " + runId)) {
            while (r.next()) {
                if (forwardSteps.containsKey(r.getString(1))) {
                    states.merge(r.getString(2), 1, Integer::sum);
                }
            }
        }
        int total = forwardSteps.size();
        String progress = states.getOrDefault("DONE", 0) + " of " + total + " steps done";
        int inProgress = states.getOrDefault("IN_PROGRESS", 0);
        int ready = states.getOrDefault("READY", 0);
        long settling = System.nanoTime();
        long deadline = settling + SETTLE_TIMEOUT.toNanos();
        List<String> differences = differences(people, progress, inProgress, ready);
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            differences = differences(people, progress, inProgress, ready);
        }
        say("at the end the database has " + progress + ", " + inProgress + " in progress, " + ready + " ready; "
                + (differences.isEmpty() ? "every one of the " + people.size() + " screens shows the same (settled "
                + Duration.ofNanos(System.nanoTime() - settling).toMillis() + " ms after the last click)" : differences.size()
                + " screens differ after " + SETTLE_TIMEOUT.toSeconds() + " s: " + differences));
        assertThat(differences).as("screens that differ from the database at the end").isEmpty();
    }

    private static List<String> differences(List<Person> people, String progress, int inProgress, int ready) {
        List<String> differences = new ArrayList<>();
        for (Person person : people) {
            String shown = person.ui.read(t -> person.progressNode.text() + " · in progress " + heading(t, "now-in-progress")
                    + " · ready " + heading(t, "now-ready"));
            String expected = progress + " · in progress " + inProgress + " · ready " + ready;
            if (!shown.equals(expected)) {
                differences.add("runner " + person.number + ": “" + shown + "”, expected “" + expected + "”");
            }
        }
        return differences;
    }

    /** The count in a Now-board column's heading ("In progress (3)"; no count when empty). */
    private static int heading(StateTree tree, String column) {
        return tree.find(withClass(column)).flatMap(c -> c.children().stream().filter(n -> n.hasClass("now-heading")).findFirst())
                .map(h -> {
                    Matcher m = COUNTED.matcher(h.text());
                    return m.find() ? Integer.parseInt(m.group(1)) : 0;
                }).orElse(-1);
    }

    private void report(List<Person> people, List<Click> clicks) {
        for (String kind : List.of("Start", "Done")) {
            List<Long> total = clicks.stream().filter(c -> c.kind().equals(kind)).map(c -> c.totalNanos() / 1_000_000).toList();
            List<Long> wire = clicks.stream().filter(c -> c.kind().equals(kind)).map(c -> c.wireNanos() / 1_000_000).toList();
            if (total.isEmpty()) {
                continue;
            }
            say(String.format(Locale.ROOT, "%-5s clicks: %d; click to answer applied %s; the request's own round trip %s; target p95 < 300 ms: %s",
                    kind, total.size(), percentiles(total), percentiles(wire), verdict(percentile(total, 0.95), 300)));
        }
        List<Long> all = clicks.stream().map(c -> c.totalNanos() / 1_000_000).toList();
        if (!all.isEmpty()) {
            say("every click: " + percentiles(all) + "; target p95 < 300 ms: " + verdict(percentile(all, 0.95), 300));
        }
        // Push: for each Done, when each other screen first showed the count the person's own answer showed.
        List<Long> perScreen = new ArrayList<>();
        List<Long> lastFromAnswer = new ArrayList<>();
        List<Long> lastFromClick = new ArrayList<>();
        int missing = 0;
        for (Click done : clicks) {
            if (!done.kind().equals("Done") || done.doneShown() < 0) {
                continue;
            }
            long last = Long.MIN_VALUE;
            for (Person other : people) {
                if (other.number == done.person()) {
                    continue;
                }
                Long at = other.firstShowed.get(done.doneShown());
                if (at == null) {
                    missing++;
                    continue;
                }
                perScreen.add(Math.max(0, at - done.answeredAt()));
                last = Math.max(last, at);
            }
            if (last != Long.MIN_VALUE) {
                lastFromAnswer.add(Math.max(0, last - done.answeredAt()));
                lastFromClick.add(last - done.clickedAt());
            }
        }
        if (!perScreen.isEmpty()) {
            say("a Done reaching the other " + (people.size() - 1) + " screens (progress text), from the click's answer (after the commit): each screen "
                    + percentiles(perScreen) + "; the last of them " + percentiles(lastFromAnswer) + "; the last, from the click "
                    + percentiles(lastFromClick) + (missing > 0 ? "; " + missing + " screen-changes never seen" : ""));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Optional<StateNode> button(StateTree tree, String label) {
        return tree.find(tag("vaadin-button").and(text(label)).and(shown()));
    }

    private static int done(String progressText) {
        Matcher m = PROGRESS.matcher(progressText == null ? "" : progressText);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String role(int person) {
        return "Engineer " + two(person);
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private void say(String text) {
        String line = "[run-sim] " + text + " — load " + loadAverage();
        System.out.println(line);
        report.add(line);
    }

}
