package app.cadence.benchmark;

import static app.cadence.support.Jdbc.single;
import static app.cadence.support.Jdbc.update;
import static app.cadence.support.Jdbc.bind;
import static app.cadence.support.Jdbc.generated;
import static app.cadence.benchmark.Figures.loadAverage;
import static app.cadence.benchmark.Figures.percentile;
import static app.cadence.support.flow.StateTree.shown;
import static app.cadence.support.flow.StateTree.tag;
import static app.cadence.support.flow.StateTree.withClass;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.flow.FlowClient;
import app.cadence.support.flow.FlowUi;
import app.cadence.support.flow.StateNode;
import app.cadence.support.flow.StateTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue C11's concurrent users through the real protocol: N virtual users against the production
 * jar started as a separate process, on MariaDB ({@code -Dcadence.load.db=mariadb}, the default)
 * or on the embedded default H2 file database ({@code -Dcadence.load.db=h2}). No browser: each
 * virtual user is a {@link FlowClient} (own cookie jar, so own Tomcat session) that signs in
 * through the login form with its CSRF token, loads its first page ({@code ?v-r=init} and the
 * navigation), opens push over a WebSocket, and then works in that tab as a person would: router
 * navigations, clicks, with think times between, until the time is up. Its screen receives the
 * live updates the server pushes (portfolio, My work, the instance page follow changes; C6),
 * counted per user.
 *
 * <p><b>Set-up (not measured).</b> The node seeds the demo organisations. Then, straight into the
 * database (the jar has no test hooks): the users' accounts in Acme (the demo password's hash), a
 * mix of PMOs, PMs and contributors ({@code cadence.load.pmo-share}, {@code pm-share}); per PM a
 * project of their own (a copy of ERP-01) and a checklist on it (a copy of the demo's largest
 * checklist without evidence), its items assigned in turn to the PM and to "their" contributors,
 * each item's title ending in its assignee's tag so that a person clicks only their own.
 *
 * <p><b>Journeys (measured: each action from sending it to its answer applied to the tab).</b>
 * PMO: portfolio, a health tile as a filter, open a project, back to the portfolio. PM: their
 * project, their checklist, mark one of their items done, My work. Contributor: My work, mark an
 * item done, open its checklist. When a person has nothing left to mark done, their items are
 * opened again in the database (not measured, counted).
 *
 * <p><b>Sign-in pace.</b> All virtual users come from 127.0.0.1, and Cadence throttles password
 * checks per client address: each check is counted as a failure until the password is found
 * right, and more than {@code cadence.login.free-failures} (3) uncounted checks at once from one
 * address earn a delay. The harness keeps at most {@code cadence.load.signin-parallel} (2)
 * sign-ins in flight, a pace the product's defaults allow; the node runs with its throttle as
 * shipped.
 *
 * <p><b>Modes.</b> {@code cadence.load.users} for {@code cadence.load.seconds} (ramp-up over
 * {@code cadence.load.ramp-seconds}); or {@code cadence.load.steps=50,100,200}: each step adds
 * users up to its count and is held {@code cadence.load.step-seconds}; the knee is the first count
 * whose p95 (all actions in its hold window) passes 300 ms. {@code cadence.load.soak-sample-seconds}
 * takes the heap after a full GC and the session/UI counts (class histogram) at that interval; with
 * {@code cadence.load.session-timeout} the node's sessions expire that long after the users stop,
 * and the harness waits and counts again.
 *
 * <p>Fails on any error: a non-200 answer, a session that expired, an error notification or
 * Vaadin's error in a UIDL message, any exception in a user's loop, and " ERROR " in the node's
 * log. Prints {@code [load]} lines with the load average, writes them to
 * {@code target/benchmark-load.txt} (or {@code cadence.load.report}). The client runs on the same
 * machine: its own CPU is reported beside the server's.
 */
@Tag("load")
class LoadBenchmark {

    private static final String DB = System.getProperty("cadence.load.db", "mariadb");
    private static final int USERS = Integer.getInteger("cadence.load.users", 50);
    private static final int SECONDS = Integer.getInteger("cadence.load.seconds", 120);
    private static final int RAMP_SECONDS = Integer.getInteger("cadence.load.ramp-seconds", 30);
    private static final int THINK_MIN = Integer.getInteger("cadence.load.think-min", 3000);
    private static final int THINK_MAX = Integer.getInteger("cadence.load.think-max", 10000);
    private static final String STEPS = System.getProperty("cadence.load.steps", "");
    private static final int STEP_SECONDS = Integer.getInteger("cadence.load.step-seconds", 60);
    private static final double PMO_SHARE = Double.parseDouble(System.getProperty("cadence.load.pmo-share", "0.1"));
    private static final double PM_SHARE = Double.parseDouble(System.getProperty("cadence.load.pm-share", "0.2"));
    private static final int SIGNIN_PARALLEL = Integer.getInteger("cadence.load.signin-parallel", 2);
    private static final int PORT = Integer.getInteger("cadence.load.port", 8100);
    private static final String DATABASE = System.getProperty("cadence.load.database", "cadence_test_load");
    private static final String HEAP = System.getProperty("cadence.load.heap", "1g");
    private static final String POOL_SIZE = System.getProperty("cadence.load.pool-size");
    private static final boolean JFR = Boolean.getBoolean("cadence.load.jfr");
    /** More options for the node's JVM, e.g. {@code -XX:+UseParallelGC} (with {@code -Xlog:gc…} to see its pauses). */
    private static final String JVM_OPTIONS = System.getProperty("cadence.load.jvm-options", "");
    private static final int SOAK_SAMPLE_SECONDS = Integer.getInteger("cadence.load.soak-sample-seconds", 0);
    private static final String SESSION_TIMEOUT = System.getProperty("cadence.load.session-timeout");
    /**
     * {@code -Dcadence.load.keep-going=true} (the soak): an error is counted and the user reloads
     * (signs in afresh, as a person would after an error), instead of stopping the run; the run
     * still fails at the end if there was any.
     */
    private static final boolean KEEP_GOING = Boolean.getBoolean("cadence.load.keep-going");
    private static final Path REPORT = Path.of(System.getProperty("cadence.load.report", "target/benchmark-load.txt"));
    private static final int TARGET_P95 = 300;
    private static final String PASSWORD = "cadence-demo";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(480);
    private static final Duration SHOWN = Duration.ofSeconds(10);
    /** What a browser does every heartbeat interval (Flow's default, 300 s). */
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(300);
    private static final Path JDK_BIN = Path.of(System.getProperty("java.home"), "bin");

    private final List<String> report = new ArrayList<>();
    private final Path logs = Path.of("target", "load");

    enum Role { PMO, PM, CONTRIBUTOR }

    /** One virtual user: account, role, what is theirs, their tab. */
    static final class User {
        final int number;
        final Role role;
        final String email;
        /** Ends the titles of their items: "· u0042". */
        final String tag;
        long projectId;
        long instanceId;
        FlowUi ui;
        final AtomicInteger liveUpdates = new AtomicInteger();
        final Set<Integer> errorNotificationsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** Open notifications (node id) and when this user first saw each (nanos): the browser closes them after their duration. */
        final Map<Integer, Long> notificationsShownAt = new java.util.concurrent.ConcurrentHashMap<>();
        long lastHeartbeat = System.nanoTime();
        /** Sign-ins again after an error (keep-going mode). */
        int reloads;
        /** Where in their loop they are; 0 until signed in with push. */
        volatile int step;

        User(int number, Role role) {
            this.number = number;
            this.role = role;
            this.email = "load" + String.format(Locale.ROOT, "%04d", number) + "@acme.example";
            this.tag = "· u" + String.format(Locale.ROOT, "%04d", number);
        }
    }

    /** One timed action: what, by whom, when it ended (this machine's clock), how long from send to applied. */
    record Sample(String action, int user, long endedNanos, long millis) {
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger reopened = new AtomicInteger();
    private final AtomicInteger notificationsClosed = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Long> allProjects = new ArrayList<>();
    private Connection seedConnection;
    private long acme;

    @Test
    void concurrentUsers() throws Exception {
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(logs);
        List<Integer> steps = STEPS.isBlank() ? List.of() : Arrays.stream(STEPS.split(",")).map(String::strip).map(Integer::valueOf).toList();
        int users = steps.isEmpty() ? USERS : steps.get(steps.size() - 1);
        String name = "load-" + DB + "-" + PORT;
        ScratchDatabase database = DB.equals("h2") ? null : ScratchDatabase.create(DATABASE);
        NodeProcess.Builder configured = (database == null ? NodeProcess.embedded(logs, name) : NodeProcess.on(database, logs, name))
                .port(PORT).demoData(true).maxHeap(HEAP);
        if (POOL_SIZE != null) {
            configured.env("CADENCE_DB_POOL_SIZE", POOL_SIZE);
            configured.argument("--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE);
        }
        if (SESSION_TIMEOUT != null) {
            configured.argument("--server.servlet.session.timeout=" + SESSION_TIMEOUT);
        }
        String jvmOptions = (JVM_OPTIONS + (JFR ? " -XX:FlightRecorderOptions:stackdepth=160 -XX:StartFlightRecording=settings=profile,filename="
                + logs.resolve(name + ".jfr").toAbsolutePath() : "")).strip();
        if (!jvmOptions.isEmpty()) {
            configured.env("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        List<User> people = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (NodeProcess node = configured.start()) {
            node.awaitReady(START_TIMEOUT);
            say("machine: " + Runtime.getRuntime().availableProcessors() + " cores shared by client and server, Java " + System.getProperty("java.version")
                    + "; node pid " + node.pid() + " on " + (database == null ? "the embedded H2 file database" : "MariaDB " + DATABASE)
                    + ", -Xmx" + HEAP + (JVM_OPTIONS.isBlank() ? "" : " " + JVM_OPTIONS.strip()) + (POOL_SIZE == null ? "" : ", pool " + POOL_SIZE) + (SESSION_TIMEOUT == null ? "" : ", session timeout " + SESSION_TIMEOUT)
                    + "; " + users + " users" + (steps.isEmpty() ? " for " + SECONDS + " s after a " + RAMP_SECONDS + " s ramp-up" : " in steps " + steps
                    + " held " + STEP_SECONDS + " s each") + ", think " + THINK_MIN + "–" + THINK_MAX + " ms, sign-ins " + SIGNIN_PARALLEL + " at a time");
            seedConnection = database == null ? DriverManager.getConnection(node.embeddedJdbcUrl(), "sa", "") : database.connect();
            try {
                seed(users, people);
                Meter server = new Meter(node.pid());
                Meter client = new Meter(ProcessHandle.current().pid());
                Semaphore signIns = new Semaphore(SIGNIN_PARALLEL);
                long began = System.nanoTime();
                List<Soak> soak = new ArrayList<>();
                if (SOAK_SAMPLE_SECONDS > 0) {
                    soak.add(soakPoint(node, "before the users", began));
                }
                if (steps.isEmpty()) {
                    long rampNanos = TimeUnit.SECONDS.toNanos(RAMP_SECONDS);
                    for (int i = 0; i < people.size(); i++) {
                        long at = began + rampNanos * i / Math.max(1, people.size());
                        threads.add(startUser(node, people.get(i), signIns, at));
                    }
                    awaitSignedIn(people);
                    long measureFrom = System.nanoTime();
                    long end = measureFrom + TimeUnit.SECONDS.toNanos(SECONDS);
                    endNanos = end;
                    say(people.size() + " users signed in with push in " + seconds(measureFrom - began) + " s");
                    server.reset();
                    client.reset();
                    long nextSoak = SOAK_SAMPLE_SECONDS > 0 ? measureFrom : Long.MAX_VALUE;
                    while (System.nanoTime() < end && (errors.isEmpty() || KEEP_GOING)) {
                        if (System.nanoTime() >= nextSoak) {
                            soak.add(soakPoint(node, "users working", began));
                            nextSoak += TimeUnit.SECONDS.toNanos(SOAK_SAMPLE_SECONDS);
                        }
                        sleepUntil(Math.min(end, Math.min(nextSoak, System.nanoTime() + TimeUnit.SECONDS.toNanos(1))));
                    }
                    Window window = new Window(users + " users", measureFrom, System.nanoTime(), server.read(), client.read());
                    stopUsers(threads);
                    summarise(List.of(window), people, node);
                } else {
                    List<Window> windows = new ArrayList<>();
                    int started = 0;
                    for (int target : steps) {
                        long stepBegan = System.nanoTime();
                        for (int i = started; i < target && i < people.size(); i++) {
                            threads.add(startUser(node, people.get(i), signIns, stepBegan));
                        }
                        started = target;
                        awaitSignedIn(people.subList(0, target));
                        // A few seconds for the newcomers' first pages to settle, then the hold window.
                        sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                        server.reset();
                        client.reset();
                        long from = System.nanoTime();
                        sleepUntil(from + TimeUnit.SECONDS.toNanos(STEP_SECONDS));
                        Window w = new Window(target + " users", from, System.nanoTime(), server.read(), client.read());
                        windows.add(w);
                        say(w.line(samples));
                        if (!errors.isEmpty()) {
                            break;
                        }
                    }
                    stopUsers(threads);
                    summarise(windows, people, node);
                    windows.stream().filter(w -> w.p95(samples) >= TARGET_P95).findFirst().ifPresentOrElse(
                            w -> say("knee: p95 first passes " + TARGET_P95 + " ms at " + w.label + " (p95 " + w.p95(samples) + " ms)"),
                            () -> say("knee: not reached; p95 stayed under " + TARGET_P95 + " ms up to " + windows.getLast().label));
                }
                if (SOAK_SAMPLE_SECONDS > 0) {
                    soak.add(soakPoint(node, "users just stopped", began));
                    people.forEach(p -> {
                        if (p.ui != null) {
                            p.ui.close();
                        }
                    });
                    if (SESSION_TIMEOUT != null) {
                        // Tomcat checks for expired sessions once a minute: wait the timeout and two checks.
                        long wait = Duration.parse("PT" + SESSION_TIMEOUT.toUpperCase(Locale.ROOT)).toNanos() + TimeUnit.SECONDS.toNanos(130);
                        say("waiting " + seconds(wait) + " s for the sessions to expire");
                        sleepUntil(System.nanoTime() + wait);
                        soak.add(soakPoint(node, "sessions expired", began));
                    }
                }
            } finally {
                stop.set(true);
                people.forEach(p -> {
                    if (p.ui != null) {
                        p.ui.close();
                    }
                });
                seedConnection.close();
            }
            String log = Files.readString(node.log());
            List<String> logErrors = log.lines().filter(l -> l.contains(" ERROR ")).limit(5).toList();
            say("the node's log has " + log.lines().filter(l -> l.contains(" ERROR ")).count() + " ERROR lines"
                    + (logErrors.isEmpty() ? "" : ", first: " + logErrors));
            say("errors seen by the users: " + errors.size() + (errors.isEmpty() ? "" : ", first: " + errors.subList(0, Math.min(5, errors.size()))));
            assertThat(errors).as("errors seen by the virtual users").isEmpty();
            assertThat(log).as("the node's log " + node.log()).doesNotContain(" ERROR ");
        } finally {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.write(REPORT, report);
            if (database != null) {
                database.close();
            }
        }
    }

    // --- set-up ------------------------------------------------------------------------------

    /** Accounts, memberships, per PM a project and a checklist with items for them and their contributors. */
    private void seed(int users, List<User> people) throws SQLException {
        Connection c = seedConnection;
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        acme = single(c, "select id from tenant where slug = 'acme'");
        long erp = single(c, "select id from project where project_key = 'ERP-01'");
        // The demo's checklist with the most items a person can mark done in one click.
        long sourceInstance;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select i.instance_id, count(*) from instance_item i join project_instance p on p.id = i.instance_id"
                + " where i.tenant_id = " + acme + " and p.kind <> 'RETROSPECTIVE' and p.kind <> 'COMMUNICATION_PLAN' group by i.instance_id order by count(*) desc")) {
            assertThat(r.next()).as("a demo checklist").isTrue();
            sourceInstance = r.getLong(1);
        }
        int pmos = (int) Math.round(users * PMO_SHARE);
        int pms = Math.max(1, (int) Math.round(users * PM_SHARE));
        c.setAutoCommit(false);
        for (int u = 1; u <= users; u++) {
            Role role = u <= pmos ? Role.PMO : u <= pmos + pms ? Role.PM : Role.CONTRIBUTOR;
            User user = new User(u, role);
            long userId;
            try (PreparedStatement account = c.prepareStatement("insert into user_account (email, display_name, password_hash, enabled, created_at, version)"
                    + " select ?, ?, password_hash, true, ?, 0 from user_account where email = 'dev@acme.example'", Statement.RETURN_GENERATED_KEYS)) {
                account.setString(1, user.email);
                account.setString(2, role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT) + " " + u);
                account.setObject(3, now);
                assertThat(account.executeUpdate()).isEqualTo(1);
                userId = generated(account);
            }
            update(c, "insert into membership (tenant_id, user_id, role, active, created_at, version) values (?, ?, ?, true, ?, 0)", acme, userId, role.name(), now);
            people.add(user);
            userIds.put(u, userId);
        }
        // Teams: each PM with the contributors numbered after the PMs in turn.
        List<User> pmList = people.stream().filter(p -> p.role == Role.PM).toList();
        List<User> contributors = people.stream().filter(p -> p.role == Role.CONTRIBUTOR).toList();
        Map<User, List<User>> teams = new LinkedHashMap<>();
        pmList.forEach(pm -> teams.put(pm, new ArrayList<>(List.of(pm))));
        for (int i = 0; i < contributors.size(); i++) {
            teams.get(pmList.get(i % pmList.size())).add(contributors.get(i));
        }
        for (Map.Entry<User, List<User>> team : teams.entrySet()) {
            User pm = team.getKey();
            long projectId = copyRow(c, "project", erp, Map.of("project_key", "LD-" + pm.number, "name", "Load project " + pm.number,
                    "pm_user_id", userIds.get(pm.number)));
            long instanceId = copyRow(c, "project_instance", sourceInstance, Map.of("project_id", projectId, "name", "Load checklist " + pm.number));
            // Every item twice, so each person has several to work through.
            copyItems(c, sourceInstance, instanceId, projectId, "item_key");
            copyItems(c, sourceInstance, instanceId, projectId, DB.equals("h2") ? "cast(random_uuid() as char(36))" : "uuid()");
            List<Long> items = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select id from instance_item where instance_id = " + instanceId + " order by id")) {
                while (r.next()) {
                    items.add(r.getLong(1));
                }
            }
            List<User> members = team.getValue();
            try (PreparedStatement assign = c.prepareStatement("update instance_item set assignee_user_id = ?, title = concat(substring(title, 1, 180), ' ', ?) where id = ?")) {
                for (int i = 0; i < items.size(); i++) {
                    User member = members.get(i % members.size());
                    assign.setLong(1, userIds.get(member.number));
                    assign.setString(2, member.tag);
                    assign.setLong(3, items.get(i));
                    assign.addBatch();
                }
                assign.executeBatch();
            }
            // The portfolio's counts of the new project, as ProjectRollups.rebuild makes them (its COUNTS; rollback sections excluded).
            try (PreparedStatement rollup = c.prepareStatement("insert into project_rollup (tenant_id, project_id, items, done_dated, blocked, blocked_critical,"
                    + " cut_items, cut_done, com_items, com_done, ret_items, ret_done, last_item_update, counted_at) select ?, ?, count(*),"
                    + " coalesce(sum(case when it.status = 'DONE' and it.due_at is not null then 1 else 0 end), 0), 0, 0,"
                    + " coalesce(sum(case when it.instance_kind = 'CUTOVER' then 1 else 0 end), 0), 0,"
                    + " coalesce(sum(case when it.instance_kind = 'COMMUNICATION_PLAN' then 1 else 0 end), 0), 0,"
                    + " coalesce(sum(case when it.instance_kind = 'RETROSPECTIVE' then 1 else 0 end), 0), 0, max(it.updated_at), "
                    + RollupDueRecount.CHECKPOINT
                    + " from instance_item it where it.project_id = ? and (it.section_role is null or it.section_role <> 'ROLLBACK')");
                 PreparedStatement due = c.prepareStatement(RollupDueRecount.SQL)) {
                bind(rollup, acme, projectId, projectId);
                assertThat(rollup.executeUpdate()).isEqualTo(1);
                bind(due, projectId);
                assertThat(due.executeUpdate()).isEqualTo(1);
            }
            for (User member : members) {
                member.projectId = projectId;
                member.instanceId = instanceId;
            }
            allProjects.add(projectId);
        }
        c.commit();
        c.setAutoCommit(true);
        say("set-up: " + pmos + " PMOs, " + pms + " PMs, " + contributors.size() + " contributors in Acme; per PM a project and a checklist of "
                + single(c, "select count(*) from instance_item where instance_id = " + pmList.getFirst().instanceId) + " items shared with "
                + (contributors.size() / Math.max(1, pms)) + "–" + ((contributors.size() + pms - 1) / Math.max(1, pms)) + " contributors");
    }

    private final Map<Integer, Long> userIds = new TreeMap<>();

    /** Copies one row with some columns changed; returns the copy's id. */
    private static long copyRow(Connection c, String table, long id, Map<String, Object> changes) throws SQLException {
        List<String> columns = columns(c, table);
        List<Object> values = new ArrayList<>();
        String select = columns.stream().map(col -> {
            Object v = changes.get(col);
            if (v == null) {
                return col;
            }
            values.add(v);
            return "?";
        }).collect(Collectors.joining(", "));
        values.add(id);
        try (PreparedStatement s = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
                + " where id = ?", Statement.RETURN_GENERATED_KEYS)) {
            bind(s, values.toArray());
            assertThat(s.executeUpdate()).isEqualTo(1);
            return generated(s);
        }
    }

    /** The items of one checklist into another, outstanding, without evidence asked. */
    private static void copyItems(Connection c, long from, long to, long projectId, String itemKey) throws SQLException {
        List<String> columns = columns(c, "instance_item");
        Map<String, String> changes = Map.of("item_key", itemKey, "instance_id", String.valueOf(to), "project_id", String.valueOf(projectId), "status", "'OPEN'",
                "evidence_required", "false", "started_at", "null", "completed_at", "null", "completed_by", "null", "blocked_reason", "null");
        String select = columns.stream().map(col -> col.equals("version") ? "0" : changes.getOrDefault(col, col)).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into instance_item (" + String.join(", ", columns) + ") select " + select + " from instance_item where instance_id = " + from);
        }
    }

    /** A table's columns but its generated id, lower case. */
    private static List<String> columns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = r.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!name.equals("id")) {
                    columns.add(name);
                }
            }
            return columns;
        }
    }

    /** Opens a person's items again when they have done them all (not measured). */
    private void reopen(User user) {
        synchronized (seedConnection) {
            Connection c = seedConnection;
            try {
                c.setAutoCommit(false);
                // What the reopened items take away from the project's counts: applied as a delta, as the app's own
                // increments are (ProjectRollups.add), so that both compose.
                long doneDated;
                long cutDone;
                long comDone;
                long retDone;
                String mine = " from instance_item it where it.instance_id = " + user.instanceId + " and it.assignee_user_id = " + userIds.get(user.number)
                        + " and it.status = 'DONE'";
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select"
                        + " coalesce(sum(case when it.due_at is not null then 1 else 0 end), 0),"
                        + " coalesce(sum(case when it.instance_kind = 'CUTOVER' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when it.instance_kind = 'COMMUNICATION_PLAN' then 1 else 0 end), 0),"
                        + " coalesce(sum(case when it.instance_kind = 'RETROSPECTIVE' then 1 else 0 end), 0)"
                        + mine + " and (it.section_role is null or it.section_role <> 'ROLLBACK')")) {
                    r.next();
                    doneDated = r.getLong(1);
                    cutDone = r.getLong(2);
                    comDone = r.getLong(3);
                    retDone = r.getLong(4);
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("update instance_item set status = 'OPEN', completed_at = null, completed_by = null, started_at = null, version = version + 1"
                            + " where instance_id = " + user.instanceId + " and assignee_user_id = " + userIds.get(user.number) + " and status = 'DONE'");
                    s.executeUpdate("update project_rollup set done_dated = done_dated - " + doneDated + ", cut_done = cut_done - " + cutDone
                            + ", com_done = com_done - " + comDone + ", ret_done = ret_done - " + retDone + " where project_id = " + user.projectId);
                    s.executeUpdate(RollupDueRecount.SQL.replace("?", String.valueOf(user.projectId)));
                }
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    // the next use reports it
                }
            }
        }
        reopened.incrementAndGet();
    }

    // --- the users -----------------------------------------------------------------------------

    /** When the users stop (set once they are all signed in, in the fixed mode). */
    private volatile long endNanos = Long.MAX_VALUE;

    private Thread startUser(NodeProcess node, User user, Semaphore signIns, long startAt) {
        return Thread.ofVirtual().name("load-user-" + user.number).start(() -> {
            try {
                sleepUntil(startAt);
                for (int attempt = 1; ; attempt++) {
                    try {
                        signIn(node, user, signIns);
                        break;
                    } catch (RuntimeException e) {
                        if (!KEEP_GOING || attempt == 3) {
                            throw e;
                        }
                        errors.add("user " + user.number + " (" + user.role + ") signing in, " + java.time.Instant.now() + ": " + e);
                    }
                }
                while (!stop.get() && System.nanoTime() < endNanos && (errors.isEmpty() || KEEP_GOING)) {
                    think();
                    if (stop.get() || System.nanoTime() >= endNanos) {
                        break;
                    }
                    try {
                        journeyStep(user);
                    } catch (RuntimeException | AssertionError e) {
                        if (!KEEP_GOING || stop.get()) {
                            throw e;
                        }
                        errors.add("user " + user.number + " (" + user.role + "), " + java.time.Instant.now() + ": " + e);
                        user.ui.close();
                        signIn(node, user, signIns);
                        user.reloads++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                if (!stop.get()) {
                    errors.add("user " + user.number + " (" + user.role + "), " + java.time.Instant.now() + ": " + e);
                    if (errors.size() == 1) {
                        e.printStackTrace(System.out);
                    }
                }
            }
        });
    }

    private final AtomicInteger signedIn = new AtomicInteger();

    /** Sign-in through the form and the first page with push, at the pace the login throttle allows (see the class comment). */
    private void signIn(NodeProcess node, User user, Semaphore signIns) throws InterruptedException {
        FlowClient browser = new FlowClient(node.uri());
        signIns.acquire();
        try {
            long t = System.nanoTime();
            browser.signIn(user.email, PASSWORD);
            record("sign in (login form)", user, t);
        } finally {
            signIns.release();
        }
        long t = System.nanoTime();
        String first = switch (user.role) {
            case PMO -> "portfolio";
            case PM -> "projects/" + user.projectId;
            case CONTRIBUTOR -> "my-work";
        };
        user.ui = browser.open(first);
        record("first page (GET, init, navigation)", user, t);
        user.ui.onMessage(m -> {
            if (m.pushed()) {
                user.liveUpdates.incrementAndGet();
            }
            check(user, m.message());
        });
        user.ui.openPush();
        user.step = 1;
        signedIn.incrementAndGet();
    }

    /** Vaadin's error in a message (an unhandled exception, an expired session) is an error of the run. */
    private void check(User user, tools.jackson.databind.JsonNode message) {
        tools.jackson.databind.JsonNode meta = message.path("meta");
        if (meta.has("appError") || meta.path("sessionExpired").asBoolean(false)) {
            errors.add("user " + user.number + ": " + meta);
        }
    }

    /** After every action: an error notification on the screen is an error of the run. */
    private void checkNotifications(User user) {
        List<String> shownErrors = user.ui.read(t -> t.findAll(tag("vaadin-notification").and(n -> {
            String theme = n.attribute("theme");
            return theme != null && theme.contains("error") && user.errorNotificationsSeen.add(n.id());
        })).stream().map(n -> n.toString() + " " + n.property("text")).toList());
        shownErrors.forEach(e -> errors.add("user " + user.number + " sees an error notification: " + e));
        user.ui.read(t -> t.findAll(tag("vaadin-notification"))).forEach(n -> user.notificationsShownAt.putIfAbsent(n.id(), System.nanoTime()));
    }

    /**
     * What a browser's {@code vaadin-notification} does on its own: when its duration has passed it
     * closes and tells the server ({@code opened-changed}), then fires {@code closed} when its
     * closing animation ends, on which the server removes it from the UI. Without
     * this the run would keep every notification of a session on the server, which no browser does.
     */
    private void closeExpiredNotifications(User user) {
        long now = System.nanoTime();
        for (var shown : List.copyOf(user.notificationsShownAt.entrySet())) {
            StateNode n = user.ui.read(t -> t.existing(shown.getKey()));
            if (n == null || !"true".equals(user.ui.read(t -> n.property("opened")))) {
                user.notificationsShownAt.remove(shown.getKey());
                continue;
            }
            long duration = Long.parseLong(java.util.Objects.requireNonNullElse(user.ui.read(t -> n.property("duration")), "5000").replaceAll("\\..*", ""));
            if (duration > 0 && now - shown.getValue() >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(duration)) {
                user.ui.setProperty(n, "opened", false);
                if (user.ui.read(t -> n.listenedEvents().contains("closed"))) {
                    user.ui.fire(n, "closed", Map.of());
                }
                user.notificationsShownAt.remove(shown.getKey());
                notificationsClosed.incrementAndGet();
            }
        }
    }

    private void think() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(THINK_MIN, THINK_MAX + 1));
    }

    /** One step of the person's loop; each step is one timed action. */
    private void journeyStep(User user) {
        closeExpiredNotifications(user);
        if (System.nanoTime() - user.lastHeartbeat > HEARTBEAT_NANOS) {
            user.ui.heartbeat();
            user.lastHeartbeat = System.nanoTime();
        }
        switch (user.role) {
            case PMO -> {
                switch (user.step) {
                    case 1 -> clickTile(user);
                    case 2 -> navigate(user, "open a project", "projects/" + allProjects.get(ThreadLocalRandom.current().nextInt(allProjects.size())), "project-view");
                    default -> navigate(user, "portfolio", "portfolio", "portfolio-view");
                }
                user.step = user.step % 3 + 1;
            }
            case PM -> {
                switch (user.step) {
                    case 1 -> navigate(user, "checklist (instance page)", "instances/" + user.instanceId, "instance-view");
                    // On My work, as before: the instance page's button is a Lit template function too
                    // now, but moving the step there would change the journey the figures compare.
                    case 2 -> navigate(user, "My work", "my-work", "my-work-view");
                    case 3 -> markDone(user, "mark done (My work)", "my-work-view");
                    default -> navigate(user, "project page", "projects/" + user.projectId, "project-view");
                }
                user.step = user.step % 4 + 1;
            }
            case CONTRIBUTOR -> {
                switch (user.step) {
                    case 1 -> markDone(user, "mark done (My work)", "my-work-view");
                    case 2 -> navigate(user, "checklist (instance page)", "instances/" + user.instanceId, "instance-view");
                    default -> navigate(user, "My work", "my-work", "my-work-view");
                }
                user.step = user.step % 3 + 1;
            }
        }
        checkNotifications(user);
    }

    private void navigate(User user, String action, String route, String viewClass) {
        long t = System.nanoTime();
        user.ui.navigateTo(route);
        record(action, user, t);
        user.ui.await("the " + viewClass, tr -> tr.find(withClass(viewClass)), SHOWN);
    }

    /** A health tile (a filter): the person's choice among red, amber, green. */
    private void clickTile(User user) {
        String tile = List.of("tile-red", "tile-amber", "tile-green").get(ThreadLocalRandom.current().nextInt(3));
        StateNode button = user.ui.await("the " + tile, t -> t.find(tag("vaadin-button").and(withClass(tile)).and(shown())), SHOWN);
        long t = System.nanoTime();
        user.ui.click(button);
        record("portfolio filter (health tile)", user, t);
    }

    /**
     * Marks one of the person's own items done on the current page (they are on it: the journey
     * came here). Nothing left: their items are opened again in the database, and the page
     * reloaded by a navigation (neither measured).
     */
    private void markDone(User user, String action, String viewClass) {
        // My work's rows are Lit templates: the button is the row's data, not a node of the tree.
        Predicate<String> mine = label -> label.endsWith(user.tag + "” done");
        Optional<StateTree.LitRow> row = findSoon(user, mine);
        if (row.isEmpty()) {
            reopen(user);
            String route = viewClass.equals("my-work-view") ? "my-work" : "instances/" + user.instanceId;
            user.ui.navigateTo(route.equals("my-work") ? "projects/" + user.projectId : "my-work");
            user.ui.navigateTo(route);
            row = findSoon(user, mine);
            if (row.isEmpty()) {
                throw new AssertionError("no item of user " + user.number + " to mark done on " + route + " even after opening them again");
            }
        }
        long t = System.nanoTime();
        user.ui.callLit(row.get(), "markDone");
        record(action, user, t);
        // Done, so no longer outstanding: the row leaves My work (with the answer or the confirm round trip after it).
        String label = row.get().property("markLabel");
        user.ui.await("the item of user " + user.number + " gone from My work once done",
                tree -> tree.findLitRow("markLabel", label::equals).isEmpty(), SHOWN);
    }

    /** The grid's rows come with the answer or in the confirm round trip just after it: a short wait. */
    private static Optional<StateTree.LitRow> findSoon(User user, Predicate<String> markLabel) {
        try {
            return Optional.of(user.ui.await("a mark-done button of user " + user.number, t -> t.findLitRow("markLabel", markLabel), Duration.ofSeconds(3)));
        } catch (AssertionError none) {
            return Optional.empty();
        }
    }

    private void record(String action, User user, long startedNanos) {
        long now = System.nanoTime();
        samples.add(new Sample(action, user.number, now, (now - startedNanos) / 1_000_000));
    }

    /**
     * Waits until these users are signed in with push. Sign-ins go at the throttle's pace, which is
     * the server's bcrypt pace: the wait fails only when none completes for a minute.
     */
    private void awaitSignedIn(List<User> wanted) throws InterruptedException {
        int seen = signedIn.get();
        long lastProgress = System.nanoTime();
        while (wanted.stream().anyMatch(u -> u.step == 0) && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(60)
                && (errors.isEmpty() || KEEP_GOING)) {
            Thread.sleep(250); // polling a counter of the harness, not the system under test
            if (signedIn.get() != seen) {
                seen = signedIn.get();
                lastProgress = System.nanoTime();
            }
        }
        long missing = wanted.stream().filter(u -> u.step == 0).count();
        if (!KEEP_GOING) {
            assertThat(errors).as("errors while signing in").isEmpty();
        }
        assertThat(missing).as("users not signed in with push in time").isZero();
    }

    private void stopUsers(List<Thread> threads) throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(40));
        }
    }

    // --- reporting --------------------------------------------------------------------------

    /** A measured stretch of time: its samples, the server's and the client's CPU and the server's heap. */
    private final class Window {
        final String label;
        final long from;
        final long to;
        final Meter.Reading server;
        final Meter.Reading client;

        Window(String label, long from, long to, Meter.Reading server, Meter.Reading client) {
            this.label = label;
            this.from = from;
            this.to = to;
            this.server = server;
            this.client = client;
        }

        List<Long> millis(java.util.Collection<Sample> all, Predicate<Sample> which) {
            return all.stream().filter(s -> s.endedNanos() >= from && s.endedNanos() <= to && which.test(s)).map(Sample::millis).toList();
        }

        long p95(java.util.Collection<Sample> all) {
            List<Long> m = millis(all, s -> !s.action().startsWith("sign in") && !s.action().startsWith("first page"));
            return m.isEmpty() ? 0 : percentile(m, 0.95);
        }

        String line(java.util.Collection<Sample> all) {
            List<Long> m = millis(all, s -> !s.action().startsWith("sign in") && !s.action().startsWith("first page"));
            double secs = (to - from) / 1e9;
            return String.format(Locale.ROOT, "%s: %d actions in %.0f s (%.1f/s), all actions %s, p99 %d ms; server CPU %.0f%% of one core, client CPU %.0f%%;"
                            + " server heap used %s (sampled, garbage included)", label, m.size(), secs, m.size() / secs, m.isEmpty() ? "-" : Figures.percentiles(m),
                    m.isEmpty() ? 0 : percentile(m, 0.99), server.cpuPercent(), client.cpuPercent(), server.heap());
        }
    }

    private void summarise(List<Window> windows, List<User> people, NodeProcess node) {
        Window last = windows.getLast();
        say("measured over " + last.label + " (real HTTP and WebSocket through the production jar; from sending an action to its answer applied to the tab):");
        Map<String, List<Long>> byAction = new TreeMap<>();
        samples.stream().filter(s -> s.endedNanos() >= last.from && s.endedNanos() <= last.to).forEach(s -> byAction.computeIfAbsent(s.action(), k -> new ArrayList<>()).add(s.millis()));
        // Sign-ins and first pages happen during the ramp: reported over the whole run.
        for (String a : List.of("sign in (login form)", "first page (GET, init, navigation)")) {
            List<Long> m = samples.stream().filter(s -> s.action().equals(a)).map(Sample::millis).toList();
            if (!m.isEmpty()) {
                byAction.put(a + " [whole run]", m);
            }
        }
        byAction.forEach((action, m) -> say(String.format(Locale.ROOT, "  %-40s n %5d  p50 %5d ms  p95 %5d ms  p99 %5d ms  max %5d ms", action, m.size(),
                percentile(m, 0.5), percentile(m, 0.95), percentile(m, 0.99), percentile(m, 1))));
        say(last.line(samples) + "; target p95 < " + TARGET_P95 + " ms: " + Figures.verdict(last.p95(samples), TARGET_P95));
        List<Integer> live = people.stream().filter(p -> p.ui != null).map(p -> p.liveUpdates.get()).sorted().toList();
        if (!live.isEmpty()) {
            Map<Role, Integer> perRole = new TreeMap<>();
            people.forEach(p -> perRole.merge(p.role, p.liveUpdates.get(), Integer::sum));
            say("live updates pushed to the users' screens over the whole run: " + live.stream().mapToInt(Integer::intValue).sum() + " (per user min "
                    + live.getFirst() + ", median " + live.get(live.size() / 2) + ", max " + live.getLast() + "; by role " + perRole + ")");
        }
        say("notifications closed when their time was up, as the browser does: " + notificationsClosed.get());
        say("items opened again for people who had done all theirs: " + reopened.get() + " times"
                + (KEEP_GOING ? "; users who signed in again after an error: " + people.stream().mapToInt(p -> p.reloads).sum() : ""));
        say("the server with " + people.size() + " users signed in: " + histogram(node.pid()));
    }

    // --- the server's and the client's resources --------------------------------------------------

    /** CPU time of a process from /proc (clock ticks, 100 per second), and for the node its heap through jstat. */
    static final class Meter {
        private final long pid;
        private long cpuTicks;
        private long since;
        private final List<Long> heapSamples = new CopyOnWriteArrayList<>();
        private final Thread sampler;

        Meter(long pid) {
            this.pid = pid;
            reset();
            boolean isServer = pid != ProcessHandle.current().pid();
            sampler = isServer ? Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    String used = jstatUsedMb(pid);
                    if (used != null) {
                        heapSamples.add(Long.parseLong(used));
                    }
                    try {
                        Thread.sleep(5000); // sampling the heap now and then, not waiting for anything
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }) : null;
        }

        void reset() {
            cpuTicks = ticks(pid);
            since = System.nanoTime();
            heapSamples.clear();
        }

        record Reading(double cpuPercent, List<Long> heapMb) {
            String heap() {
                return heapMb.isEmpty() ? "-" : "min " + heapMb.stream().mapToLong(Long::longValue).min().orElse(0) + " MB, max "
                        + heapMb.stream().mapToLong(Long::longValue).max().orElse(0) + " MB";
            }
        }

        Reading read() {
            long ticks = ticks(pid) - cpuTicks;
            double secs = (System.nanoTime() - since) / 1e9;
            return new Reading(ticks / 100.0 / secs * 100, List.copyOf(heapSamples));
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** The heap in use (eden, survivors, old) in MB by jstat, without a collection; null if jstat fails. */
    static String jstatUsedMb(long pid) {
        String out = run(JDK_BIN.resolve("jstat").toString(), "-gc", String.valueOf(pid));
        String[] lines = out.strip().split("\n");
        if (lines.length < 2) {
            return null;
        }
        String[] head = lines[0].strip().split("\\s+");
        String[] vals = lines[lines.length - 1].strip().split("\\s+");
        double kb = 0;
        for (int i = 0; i < head.length && i < vals.length; i++) {
            if (Set.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                kb += Double.parseDouble(vals[i]);
            }
        }
        return String.valueOf(Math.round(kb / 1024));
    }

    /**
     * A class histogram: it runs a full GC first and then counts the live objects, so its total is
     * the heap after a full GC — read in the same pause, unlike {@code GC.heap_info} after
     * {@code GC.run}, which on a busy node also counts what was allocated in between. With it,
     * the live Tomcat sessions, Vaadin sessions and UIs.
     */
    static String histogram(long pid) {
        String out = run(JDK_BIN.resolve("jcmd").toString(), String.valueOf(pid), "GC.class_histogram");
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("org.apache.catalina.session.StandardSession", "Tomcat sessions");
        wanted.put("com.vaadin.flow.server.VaadinSession", "Vaadin sessions");
        wanted.put("com.vaadin.flow.spring.SpringVaadinSession", "Vaadin sessions");
        wanted.put("com.vaadin.flow.component.UI", "UIs");
        wanted.put("com.vaadin.flow.component.notification.Notification", "notifications");
        Map<String, Long> counts = new LinkedHashMap<>();
        long total = -1;
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && wanted.containsKey(f[3])) {
                counts.merge(wanted.get(f[3]), Long.parseLong(f[1]), Long::sum);
            } else if (f.length == 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        return "heap after a full GC (live objects) " + (total < 0 ? "unknown" : total / (1024 * 1024) + " MB") + "; "
                + wanted.values().stream().distinct().map(k -> k + " " + counts.getOrDefault(k, 0L)).collect(Collectors.joining(", "));
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    record Soak(String label, long atSeconds, String histogram) {
    }

    private Soak soakPoint(NodeProcess node, String label, long began) {
        Soak point = new Soak(label, seconds(System.nanoTime() - began), histogram(node.pid()));
        say(String.format(Locale.ROOT, "soak %5d s (%s): %s; %d sign-ins so far", point.atSeconds(), label, point.histogram(), signedIn.get()));
        return point;
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    private void say(String text) {
        String line = "[load] " + text + " — load " + loadAverage();
        System.out.println(line);
        synchronized (report) {
            report.add(line);
        }
    }
}
