package app.cadence.benchmark;

import static app.cadence.support.Jdbc.single;
import static app.cadence.support.Jdbc.insert;
import static app.cadence.support.Jdbc.bind;
import static app.cadence.benchmark.Figures.loadAverage;
import static app.cadence.support.flow.StateTree.shown;
import static app.cadence.support.flow.StateTree.tag;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.HeapHistogram;
import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.flow.FlowClient;
import app.cadence.support.flow.FlowUi;
import app.cadence.support.flow.StateNode;
import app.cadence.support.flow.StateTree;
import app.cadence.project.domain.ProjectSql;
import app.cadence.template.domain.CutoverStep;
import app.cadence.template.domain.SectionRole;
import app.cadence.template.domain.StepType;
import app.cadence.template.domain.TemplateContent;
import app.cadence.template.domain.TemplateItem;
import app.cadence.template.domain.TemplateKind;
import app.cadence.template.domain.TemplateSection;
import app.cadence.template.service.TemplateFormat;
import app.cadence.work.domain.ProjectRollups;
import app.cadence.work.domain.WorkSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue C11's "what a session costs", on real sessions: the production jar as a process of its
 * own ({@link NodeProcess}) on a scratch MariaDB database, sign-in through the login form, Tomcat's
 * HTTP sessions and Spring Security's context as they are after a real sign-in, and each page's
 * first responses through Flow's protocol ({@link FlowClient}; no browser).
 *
 * <p><b>What a session does before it idles</b> — what a browser does when the page loads: the
 * page, Flow's {@code ?v-r=init}, the navigation to the route, the answers the server waits for
 * (the browser's details), then, for every grid on screen, the fetch the grid's connector
 * sends ({@code $server.setViewportRange(0, n)}, n as {@link #firstRequest}: Flow sends a grid's rows only when the
 * client asks for them), and the {@code confirmUpdate} of what arrived; then the push connection
 * (a WebSocket: {@code @Push} on the app shell, so every browser opens it).
 *
 * <p><b>Measured.</b> The node's live heap, {@code jcmd GC.class_histogram} (a full GC first; twice,
 * back to back): before a batch of N sessions, after it, and after the same N sessions opened
 * their push connection. Per batch, (after − before) / N. The batches:
 * <ul>
 * <li>signed in, no UI: the HTTP session after the login form's redirect, nothing opened;</li>
 * <li>the lightest page: {@code account} (the signed-in person's own page);</li>
 * <li>the portfolio as a PMO (60 projects in the tenant: the demo's and generated ones);</li>
 * <li>a runbook instance page as the PM: a 100-step cutover on CLOUD-02 (seeded as applying a
 *     published template makes it, see {@link #seedRunbook}).</li>
 * </ul>
 * Sessions stay open (their clients kept, nothing sent) until the end. Warm-up sessions of every
 * kind come first, so that class loading and the caches filled once per tenant do not count.
 *
 * <p>Prints {@code [session-heap]} lines with the load average, the largest per-session differences
 * of the class histogram per batch, and writes them to {@code target/benchmark-session-heap-real.txt}.
 * Run with {@code bin/mvn test -Psession-heap [-Dcadence.heap.sessions=100]} after
 * {@code bin/mvn -Pproduction -DskipTests package}; needs MariaDB (user {@code cadence_test}).
 */
@Tag("session-heap")
class RealSessionHeapBenchmark {

    private static final int SESSIONS = Integer.getInteger("cadence.heap.sessions", 100);
    private static final int WARMUP = Integer.getInteger("cadence.heap.warmup", 5);
    private static final int PORT = Integer.getInteger("cadence.heap.port", 0);
    private static final int PROJECTS = Integer.getInteger("cadence.heap.projects", 60);
    private static final String DATABASE = System.getProperty("cadence.heap.database", "cadence_test_heap");
    /** Batches to run, comma-separated (default all): none, account, portfolio, runbook. */
    private static final List<String> ONLY = List.of(System.getProperty("cadence.heap.pages", "none,account,portfolio,runbook").split(","));
    private static final Path LOGS = Path.of("target", "session-heap");
    private static final String PASSWORD = "cadence-demo";
    private static final String RUNBOOK = "Hundred-step cutover";
    private static final int STEPS = Integer.getInteger("cadence.heap.steps", 100);
    private static final String[] ACTIONS = {"Confirm", "Migrate", "Validate", "Reconcile", "Communicate", "Freeze", "Test", "Sign off", "Back up", "Switch"};
    private static final String[] SYSTEMS = {"the ledger", "customer data", "the order service", "interfaces", "the data warehouse", "reports",
            "the identity provider", "the file shares", "the print queues", "the DNS records"};
    private static final String[] ROLES = {"Cutover lead", "DBA", "Network engineer", "Application owner", "Service desk"};

    static {
        // An idle browser's HTTP connection is closed by Tomcat after its keep-alive timeout; the
        // test's clients let theirs go after a second, so that an idle session is measured without
        // a kept-alive socket (its buffers would count as the session's). Set before any HttpClient.
        System.setProperty("jdk.httpclient.keepalive.timeout", "1");
    }
    private static final int TOP = 14;
    /**
     * {@code -Dcadence.heap.round-trip=true}: each session sends one more, empty, UIDL message
     * before it idles — Vaadin keeps each UI's last response ({@code UIInternals.lastRequestResponse},
     * to resend it if the client repeats a message), and this shows what the first render's copy costs.
     */
    private static final boolean ROUND_TRIP = Boolean.getBoolean("cadence.heap.round-trip");

    private final List<String> report = new ArrayList<>();
    /** Every client and tab opened: kept reachable here, so the sessions stay as an idle user leaves them. */
    private final List<Object> open = new ArrayList<>();

    /** One kind of session: who signs in and what they open (null: nothing). */
    private record Page(String name, String label, String user, String route) {
    }

    private record Result(Page page, long perSession, long perSessionWithPush, Map<String, long[]> diff, Map<String, long[]> pushDiff) {
    }

    @Test
    void measure() throws Exception {
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(LOGS);
        try (ScratchDatabase database = ScratchDatabase.create(DATABASE)) {
            NodeProcess.Builder configured = NodeProcess.on(database, LOGS, "session-heap").demoData(true).maxHeap("1g");
            if (PORT != 0) {
                configured.port(PORT);
            }
            try (NodeProcess node = configured.start()) {
                node.awaitReady(Duration.ofSeconds(Integer.getInteger("cadence.heap.start-timeout", 480)));
                int projects = seedPortfolio(database);
                long runbook = seedRunbook(database);
                int steps = count(database, "select count(*) from instance_item where instance_id = " + runbook);
                say(String.format(Locale.ROOT, "machine: %d cores, Java %s; node pid %d, -Xmx1g, production jar on MariaDB; %d sessions per batch,"
                        + " %d warm-up each; portfolio of %d projects; runbook instance %d with %d items",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), node.pid(), SESSIONS, WARMUP, projects, runbook, steps));

                List<Page> pages = new ArrayList<>(List.of(
                        new Page("none", "signed in, no UI (the HTTP session after the login form)", "pmo@acme.example", null),
                        new Page("account", "the lightest page: account, as the PMO", "pmo@acme.example", "account"),
                        new Page("portfolio", "the portfolio as the PMO", "pmo@acme.example", "portfolio"),
                        new Page("runbook", "a runbook instance page (" + steps + " items) as the PM", "pm@acme.example", "instances/" + runbook)));
                pages.removeIf(p -> !ONLY.contains(p.name()));

                // Warm-up: class loading, the JIT's first compilations and per-tenant caches are not sessions.
                for (Page page : pages) {
                    for (int i = 0; i < WARMUP; i++) {
                        openSession(node, page, true);
                    }
                }
                List<Result> results = new ArrayList<>();
                for (Page page : pages) {
                    results.add(batch(node, page));
                }
                summary(results);
                String log = Files.readString(node.log());
                assertThat(log).as("the node's log " + node.log()).doesNotContain(" ERROR ");
            }
        } finally {
            open.forEach(o -> {
                if (o instanceof FlowUi ui) {
                    ui.close();
                }
            });
            Files.write(Path.of("target", "benchmark-session-heap-real.txt"), report);
        }
    }

    // --- the sessions --------------------------------------------------------------------------

    private Result batch(NodeProcess node, Page page) throws Exception {
        Map<String, long[]> before = HeapHistogram.of(node.pid(), 2);
        List<FlowUi> uis = new ArrayList<>();
        long opening = System.nanoTime();
        for (int i = 0; i < SESSIONS; i++) {
            FlowUi ui = openSession(node, page, false);
            if (ui != null) {
                uis.add(ui);
            }
        }
        long openedIn = System.nanoTime() - opening;
        settle();
        Map<String, long[]> after = HeapHistogram.of(node.pid(), 2);
        Map<String, long[]> withPush = after;
        if (!uis.isEmpty()) {
            uis.forEach(FlowUi::openPush);
            settle();
            withPush = HeapHistogram.of(node.pid(), 2);
            List<String> closed = uis.stream().filter(ui -> !ui.isPushOpen()).map(FlowUi::pushClosedBecause).toList();
            assertThat(closed).as("push connections closed before the heap was measured").isEmpty();
        }
        Map<String, long[]> diff = HeapHistogram.minus(after, before);
        Map<String, long[]> pushDiff = HeapHistogram.minus(withPush, after);
        Result result = new Result(page, diff.get("Total")[1] / SESSIONS, (HeapHistogram.minus(withPush, before).get("Total")[1]) / SESSIONS, diff, pushDiff);
        say(String.format(Locale.ROOT, "%s: %s per session without push, %s with push (%d sessions opened in %.1f s; live heap %s → %s → %s)",
                page.label(), kb(result.perSession()), page.route() == null ? "–" : kb(result.perSessionWithPush()), SESSIONS,
                openedIn / 1e9, mb(before.get("Total")[1]), mb(after.get("Total")[1]), mb(withPush.get("Total")[1])));
        say("  largest per session (instances × , bytes): " + top(diff, TOP));
        say("  by origin: " + byOrigin(diff));
        if (!uis.isEmpty()) {
            say("  push adds per session: " + top(pushDiff, 6));
        }
        return result;
    }

    /**
     * Signs a new browser in and, unless the page is "none", opens the route as a browser does up
     * to idling: the first responses, each shown grid's first page (and its confirm), and the push
     * connection if {@code push}. Returns the tab (null for "none").
     */
    /**
     * The rows a browser asks a grid for when the page opens: the pages that cover its first
     * {@link #FIRST_ROWS} rows. Measured in Chromium 156 on the portfolio's grid (40rem high, 66
     * projects): rows 0–74 at a page size of 25, 0–89 at 30, 0–99 at 50 — the pages covering
     * somewhere between its first 61 and 75 rows (the virtualizer's first pool, sized before the
     * rows are measured; a dozen are on screen), whatever the window's height; the largest is
     * taken. Not measured on the runbook's tree grid, which gets the same.
     */
    static int firstRequest(int pageSize) {
        return (FIRST_ROWS + pageSize - 1) / pageSize * pageSize;
    }

    static final int FIRST_ROWS = 75;

    private FlowUi openSession(NodeProcess node, Page page, boolean push) {
        FlowClient browser = new FlowClient(node.uri());
        browser.signIn(page.user(), PASSWORD);
        open.add(browser);
        if (page.route() == null) {
            return null;
        }
        FlowUi ui = browser.open(page.route());
        open.add(ui);
        if (!page.name().equals("account")) {
            ui.await("a grid on " + page.route(), t -> t.find(tag("vaadin-grid").and(shown())));
        }
        for (StateNode grid : ui.read(t -> t.findAll(tag("vaadin-grid").and(shown())))) {
            String property = ui.read(t -> grid.property("pageSize"));
            int pageSize = property == null ? 50 : (int) Double.parseDouble(property);
            ui.callServer(grid, "setViewportRange", 0, firstRequest(pageSize));
        }
        if (ROUND_TRIP) {
            ui.roundTrip();
        }
        if (push) {
            ui.openPush();
        }
        return ui;
    }

    /**
     * The grid's {@code confirmUpdate} goes out on a thread of its own once the rows arrive; a
     * second for the last sessions' confirms (and the push handshakes) to be answered.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_000); // letting the system under test finish work already sent, not waiting on a result
    }

    // --- seeding ----------------------------------------------------------------------------------

    /**
     * Tops Acme's demo portfolio up to {@link #PROJECTS} projects (managed by pm@acme, active,
     * spread go-live dates), each with its roll-up row counted by the product's own statement
     * ({@code ProjectRollups}), as the product creates them. Returns the number of projects.
     */
    private static int seedPortfolio(ScratchDatabase database) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.toLocalDate();
        try (Connection c = database.connect()) {
            long acme = single(c, "select id from tenant where slug = 'acme'");
            long pm = single(c, "select id from user_account where email = 'pm@acme.example'");
            int existing = (int) single(c, "select count(*) from project where tenant_id = " + acme);
            try (PreparedStatement insert = c.prepareStatement("insert into project (tenant_id, project_key, name, pm_user_id, status, start_date,"
                    + " go_live_date, created_at, created_by, updated_at, updated_by, version) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 'benchmark', ?, 'benchmark', 0)");
                 PreparedStatement rollup = c.prepareStatement("insert into project_rollup (tenant_id, project_id, " + constant("COLUMNS") + ", counted_at)"
                         + " select ?, id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, " + RollupDueRecount.CHECKPOINT + " from project where tenant_id = ? and project_key = ?")) {
                for (int p = existing; p < PROJECTS; p++) {
                    String key = String.format(Locale.ROOT, "HEAP-%03d", p);
                    insert.setLong(1, acme);
                    insert.setString(2, key);
                    insert.setString(3, "Regional rollout " + p);
                    insert.setLong(4, pm);
                    insert.setObject(5, today.minusDays(30 + p));
                    insert.setObject(6, today.plusDays(20 + 7L * p));
                    insert.setObject(7, now);
                    insert.setObject(8, now);
                    insert.executeUpdate();
                    rollup.setLong(1, acme);
                    rollup.setLong(2, acme);
                    rollup.setString(3, key);
                    assertThat(rollup.executeUpdate()).isEqualTo(1);
                }
            }
            return (int) single(c, "select count(*) from project where tenant_id = " + acme);
        }
    }

    /** A constant of {@link ProjectRollups}: the roll-up's columns as the product names them. */
    private static String constant(String name) throws ReflectiveOperationException {
        var field = ProjectRollups.class.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }

    /**
     * A {@link #STEPS}-step cutover runbook on CLOUD-02, as applying a published template makes it:
     * the template and its published version (ten waves of steps, each waiting for the one before,
     * every fifth on the critical path, owner roles, durations), the instance anchored two days
     * ahead, one item per step with its plan copied and its due time from the anchor, the first
     * third done; then the project's roll-up counted again with the product's own statement.
     * Returns the instance's id.
     */
    private static long seedRunbook(ScratchDatabase database) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime anchor = now.plusDays(2).truncatedTo(ChronoUnit.HOURS);
        Random random = new Random(11);
        List<TemplateSection> sections = new ArrayList<>();
        UUID previous = null;
        int waves = 10;
        for (int w = 0; w < waves; w++) {
            List<TemplateItem> steps = new ArrayList<>();
            for (int s = 0; s < STEPS / waves; s++) {
                int n = w * (STEPS / waves) + s;
                UUID key = new UUID(random.nextLong(), random.nextLong());
                steps.add(new CutoverStep(key, String.format(Locale.ROOT, "%s %s for wave %d", ACTIONS[n % ACTIONS.length], SYSTEMS[n % SYSTEMS.length], w + 1),
                        null, n % 10 == 9 ? StepType.MILESTONE : StepType.TASK, -600 + n * 15, 15, ROLES[n % ROLES.length],
                        previous == null ? List.of() : List.of(previous), null, null, n % 7 == 0));
                previous = key;
            }
            sections.add(new TemplateSection(new UUID(w, 2), "Wave " + (w + 1), SectionRole.EXECUTION, steps));
        }
        TemplateContent content = new TemplateContent(TemplateKind.CUTOVER, sections, null);
        try (Connection c = database.connect()) {
            long acme = single(c, "select id from tenant where slug = 'acme'");
            long project = single(c, "select id from project where project_key = 'CLOUD-02'");
            long template = insert(c, "insert into template (tenant_id, kind, name, description, status, created_at, created_by, updated_at, updated_by, version)"
                    + " values (?, 'CUTOVER', ?, 'Generated for the session heap benchmark.', 'ACTIVE', ?, 'benchmark', ?, 'benchmark', 0)",
                    acme, "Hundred-step cutover (session heap)", now, now);
            long version = insert(c, "insert into template_version (tenant_id, template_id, number, state, content, item_count, change_note, updated_at,"
                    + " updated_by, published_at, published_by, version) values (?, ?, 1, 'PUBLISHED', ?, ?, 'Generated', ?, 'benchmark', ?, 'benchmark', 0)",
                    acme, template, TemplateFormat.write(content), content.itemCount(), now, now);
            long instance = insert(c, "insert into project_instance (tenant_id, project_id, template_id, template_version_id, template_name, version_number, kind,"
                    + " name, anchor_at, time_zone, created_at, created_by, updated_at, updated_by, version)"
                    + " values (?, ?, ?, ?, ?, 1, 'CUTOVER', ?, ?, 'Europe/London', ?, 'benchmark', ?, 'benchmark', 0)",
                    acme, project, template, version, "Hundred-step cutover (session heap)", RUNBOOK, anchor, now, now);
            try (PreparedStatement item = c.prepareStatement("insert into instance_item (tenant_id, instance_id, project_id, instance_kind, item_key,"
                    + " section_key, section_title, section_role, section_position, position, title, step_type, owner_role, duration_minutes, predecessors,"
                    + " evidence_required, critical_path, status, due_at, completed_at, completed_by, created_at, created_by, updated_at, updated_by, version)"
                    + " values (?, ?, ?, 'CUTOVER', ?, ?, ?, 'EXECUTION', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'benchmark', ?, 'benchmark', 0)")) {
                int n = 0;
                for (int sp = 0; sp < sections.size(); sp++) {
                    TemplateSection section = sections.get(sp);
                    for (int ip = 0; ip < section.items().size(); ip++, n++) {
                        CutoverStep step = (CutoverStep) section.items().get(ip);
                        boolean done = n < STEPS / 3;
                        LocalDateTime due = anchor.plusMinutes(step.offsetMinutes() + step.durationMinutes());
                        bind(item, acme, instance, project, step.key().toString(), section.key().toString(), section.title(), sp, ip, step.title(),
                                step.type().name(), step.ownerRole(), step.durationMinutes(),
                                step.predecessors().isEmpty() ? null : step.predecessors().stream().map(UUID::toString).collect(Collectors.joining(",")),
                                step.evidenceRequired(), n % 5 == 0, done ? "DONE" : "OPEN", due, done ? now : null, done ? "pm@acme.example" : null, now, now);
                        item.executeUpdate();
                    }
                }
            }
            // CLOUD-02's roll-up counted again, with ProjectRollups.rebuild's statement for this one project.
            c.createStatement().executeUpdate("delete from project_rollup where project_id = " + project);
            String counts = constant("COUNTS");
            c.createStatement().executeUpdate(("insert into project_rollup (tenant_id, project_id, " + constant("COLUMNS") + ", last_item_update, counted_at)"
                    + " select p.tenant_id, p.project_id, " + counts + ", max(it.updated_at), " + RollupDueRecount.CHECKPOINT
                    + " from (" + ProjectSql.PROJECTS + " and p.id = " + project + ") p"
                    + " left join instance_item it on it.tenant_id = :tenant and it.project_id = p.project_id and it.status <> 'NOT_APPLICABLE' and "
                    + WorkSql.COUNTED + " group by p.tenant_id, p.project_id").replace(":tenant", String.valueOf(acme)));
            c.createStatement().executeUpdate(RollupDueRecount.SQL.replace("?", String.valueOf(project)));
            return instance;
        }
    }

    private static int count(ScratchDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect()) {
            return (int) single(c, sql);
        }
    }

    // --- the heap ---------------------------------------------------------------------------------

    private static String top(Map<String, long[]> diff, int n) {
        return diff.entrySet().stream().filter(e -> !e.getKey().equals("Total"))
                .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.1f × %s", e.getKey(), e.getValue()[0] / (double) SESSIONS, kb(e.getValue()[1] / SESSIONS)))
                .collect(Collectors.joining("; "));
    }

    /** Where the classes come from, per session: Vaadin's, ours, Tomcat's, Spring's, Jackson's, the JDK's (arrays, strings, collections). */
    private static String byOrigin(Map<String, long[]> diff) {
        Function<String, String> origin = type -> {
            if (type.startsWith("com.vaadin.flow.internal") || type.startsWith("com.vaadin.flow.dom")) {
                return "Vaadin state tree (StateNode, features, elements)";
            }
            if (type.startsWith("com.vaadin.flow.data") || type.contains("KeyMapper") || type.startsWith("com.vaadin.flow.component.grid")) {
                return "Vaadin grids and data communicators";
            }
            if (type.startsWith("com.vaadin")) {
                return "other Vaadin (components, session, UI)";
            }
            if (type.startsWith("app.cadence")) {
                return "Cadence's own objects";
            }
            if (type.startsWith("org.apache.catalina") || type.startsWith("org.apache.tomcat") || type.startsWith("org.apache.coyote")) {
                return "Tomcat";
            }
            if (type.startsWith("org.springframework.security")) {
                return "Spring Security";
            }
            if (type.startsWith("org.springframework")) {
                return "other Spring";
            }
            if (type.startsWith("tools.jackson") || type.startsWith("com.fasterxml") || type.startsWith("elemental")) {
                return "JSON (Jackson nodes)";
            }
            if (type.startsWith("org.atmosphere")) {
                return "Atmosphere (push)";
            }
            if (type.startsWith("java.") || type.startsWith("[") || type.startsWith("jdk.")) {
                return "JDK (arrays, strings, collections, lambdas)";
            }
            return "other";
        };
        Map<String, Long> bytes = new LinkedHashMap<>();
        diff.entrySet().stream().filter(e -> !e.getKey().equals("Total"))
                .forEach(e -> bytes.merge(origin.apply(e.getKey()), e.getValue()[1], Long::sum));
        return bytes.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .map(e -> e.getKey() + " " + kb(e.getValue() / SESSIONS)).collect(Collectors.joining("; "));
    }

    private void summary(List<Result> results) {
        Result floor = results.stream().filter(r -> r.page().name().equals("none")).findFirst().orElse(null);
        for (Result r : results) {
            if (r.page().route() == null) {
                continue;
            }
            say(String.format(Locale.ROOT, "%s: %s per idle session with push (as a browser has it), %s without; target < 300 KB: %s%s",
                    r.page().label(), kb(r.perSessionWithPush()), kb(r.perSession()), verdict(r.perSessionWithPush()),
                    floor == null ? "" : "; above the signed-in floor (" + kb(floor.perSession()) + "): " + kb(r.perSessionWithPush() - floor.perSession())));
        }
    }

    private static String verdict(long bytes) {
        return bytes < 300 * 1024 ? "met (" + String.format(Locale.ROOT, "%.2f", bytes / (300.0 * 1024)) + " of it)"
                : "NOT met (" + String.format(Locale.ROOT, "%.2f", bytes / (300.0 * 1024)) + " × the target)";
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void say(String text) {
        String line = "[session-heap] " + text + " — load " + loadAverage();
        System.out.println(line);
        report.add(line);
    }
}
