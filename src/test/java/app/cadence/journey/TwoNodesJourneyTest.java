package app.cadence.journey;

import static app.cadence.journey.ScreensFollowChangesJourneyTest.done;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.markDone;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.openRehearsal;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.progress;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.NodeProcess;
import app.cadence.support.RedisServer;
import app.cadence.support.ScratchDatabase;
import app.cadence.support.WebClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Two nodes for real: two production jars on one fresh MariaDB database and a Redis server of the
 * test's own, behind HAProxy with sticky sessions (the very {@code docker/haproxy.cfg} the
 * two-node compose file uses), and two headless Chromium windows pinned to different nodes by
 * HAProxy's {@code SERVERID} cookie.
 *
 * <ol>
 * <li>pm@acme ticks a step of CLOUD-02's runbook through one node; pmo@acme's open runbook on the
 * other node shows it within a second (the delay from the change's notice on Redis, and from the
 * click, is printed).</li>
 * <li>Redis is killed (SIGKILL). Each node logs once that it is unreachable; pm ticks another step
 * and the save succeeds; both nodes stay ready while {@code /actuator/health} says DOWN (503)
 * with the {@code redis} component DOWN, shown to the platform operator only; pmo's open screen
 * does not follow (nothing carries the notice), and shows the step after a reload: nothing lost.</li>
 * <li>Redis starts again on the same port. Each node logs once that it is back; pm ticks a third
 * step and pmo's open screen shows it without reload within a second of the click.</li>
 * <li>Each browser asks for a password reset through its node, both nodes' outbox dispatchers poll
 * every second against a real SMTP server (GreenMail), and every mail arrives exactly once; the
 * nodes' logs hold no ERROR line (the outage is logged as one WARN per node).</li>
 * </ol>
 *
 * <p>Needs {@code target/cadence-0.1.0-SNAPSHOT.jar} ({@code bin/mvn -Pproduction -DskipTests
 * package}), MariaDB at 127.0.0.1:3306 with the {@code cadence_test} user (rights on
 * {@code cadence\_test%}), {@code redis-server} on the PATH (started on a free port, so killing it
 * harms nothing else), {@code /usr/sbin/haproxy}, Chromium and chromedriver. Run by
 * {@code .ci/run} as {@code bin/mvn -B test -Ptwo-nodes}. The nodes', HAProxy's and Redis's logs go
 * to {@code target/two-nodes/}, screenshots to {@code target/journey-screenshots/two-nodes-*}.
 */
@Tag("twonode")
class TwoNodesJourneyTest {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path HAPROXY_CONFIG = Path.of("docker", "haproxy.cfg");
    private static final Path LOGS = Path.of("target", "two-nodes");
    /** A database of this run's own: another checkout running this journey on the same server keeps its own. */
    private static final String DATABASE = "cadence_test_twonode_" + ProcessHandle.current().pid();
    /** The default channel: the Redis server is this run's own. */
    private static final String CHANNEL = "cadence:live";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static ScratchDatabase database;
    private static Process haproxy;
    private static RedisServer redisServer;
    private static GreenMail smtp;
    private static RedisClient redis;
    private static StatefulRedisPubSubConnection<String, String> notices;
    private static final AtomicLong firstNoticeAt = new AtomicLong();
    private static int lbPort;

    private JourneyBrowser pm;
    private JourneyBrowser pmo;
    private int stepNumber;

    @BeforeAll
    static void startCluster() throws Exception {
        Assumptions.assumeTrue(JourneyBrowser.available(), JourneyBrowser.unavailableReason());
        Assumptions.assumeTrue(Files.isExecutable(HAPROXY), "Two-node journey skipped: " + HAPROXY
                + " is needed (Debian package haproxy; .ci/run installs it).");
        assertThat(NodeProcess.JAR).as("the production jar: build it first with bin/mvn -Pproduction -DskipTests package").isRegularFile();
        Files.createDirectories(LOGS);
        long started = System.nanoTime();

        database = ScratchDatabase.create(DATABASE);

        int smtpPort = NodeProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        redisServer = RedisServer.start(LOGS);
        redis = RedisClient.create(redisServer.url());
        listenForNotices();

        String mailKey = NodeProcess.newMailKey();
        lbPort = NodeProcess.freePort();

        // The first node migrates the schema and seeds the demo organisations; the second starts
        // once it is ready, without demo data, so that nothing is seeded twice.
        NodeProcess a = startNode("node-a", smtpPort, mailKey, true);
        a.awaitReady(START_TIMEOUT);
        NodeProcess b = startNode("node-b", smtpPort, mailKey, false);
        b.awaitReady(START_TIMEOUT);

        ProcessBuilder lb = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", HAPROXY_CONFIG.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("haproxy.log").toFile());
        lb.environment().put("CADENCE_LB_BIND", "127.0.0.1:" + lbPort);
        lb.environment().put("CADENCE_NODE_A", "127.0.0.1:" + a.port());
        lb.environment().put("CADENCE_NODE_B", "127.0.0.1:" + b.port());
        haproxy = lb.start();
        awaitBothNodesBehindTheBalancer();
        System.out.printf("[two-nodes] two nodes on MariaDB + Redis behind HAProxy ready in %d s (node-a :%d, node-b :%d, HAProxy :%d)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), a.port(), b.port(), lbPort);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        // Last started first: HAProxy, then the nodes.
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(15, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
        if (notices != null) {
            notices.close();
        }
        if (redis != null) {
            redis.shutdown();
        }
        if (redisServer != null) {
            redisServer.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aStepTickedOnOneNodeShowsOnTheOtherWithinASecondAndEveryMailGoesOutOnce() throws Exception {
        pm = new JourneyBrowser(lbPort, "A-pm");
        pmo = new JourneyBrowser(lbPort, "B-pmo");
        try {
            journey();
        } finally {
            try {
                pm.close();
            } finally {
                pmo.close();
            }
        }
    }

    private void journey() throws Exception {
        var state = new Object() { String pmNode; String pmoNode; String step; String progressBefore; long savedAt; };

        step("pinned", () -> {
            pm.signIn("pm@acme.example");
            state.pmNode = node(pm);
            // The PMO's browser goes to the other node: HAProxy routes by the cookie it finds.
            state.pmoNode = state.pmNode.equals("node-a") ? "node-b" : "node-a";
            pmo.driver().get(pmo.url("/login"));
            pmo.driver().manage().deleteAllCookies();
            pmo.driver().manage().addCookie(new Cookie("SERVERID", state.pmoNode, "/"));
            pmo.signIn("pmo@acme.example");
            assertThat(node(pm)).as("the PM's node").isEqualTo(state.pmNode);
            assertThat(node(pmo)).as("the PMO's node").isEqualTo(state.pmoNode);
            System.out.println("[two-nodes] pm@acme is on " + state.pmNode + ", pmo@acme on " + state.pmoNode);
        });

        step("pages-open", () -> {
            openRehearsal(pm);
            openRehearsal(pmo);
        });

        step("step-chosen", () -> {
            state.step = ScreensFollowChangesJourneyTest.prepareToTickAnOpenStep(pm, pmo);
            state.progressBefore = watchProgress(pmo);
            assertThat(progress(pm)).isEqualTo(state.progressBefore);
        });

        step("ticked", () -> {
            Delays delays = tickAndAwaitOtherNode(state.step, state.progressBefore);
            System.out.println("[two-nodes] Live update across nodes: " + state.pmoNode + "'s screen showed the step ticked on "
                    + state.pmNode + " " + delays.fromNotice() + " ms after its notice reached Redis (" + delays.fromClick()
                    + " ms after the PM clicked Save)");
            assertThat(delays.fromNotice()).as("from the notice on Redis to the other node's screen").isLessThan(1000);
        });

        // The rehearsal has two open steps left; this run needs three ticks: the PM reopens the one
        // just ticked (the other node follows that too).
        step("reopened", () -> {
            String progressBefore = progress(pmo);
            pm.clickItemTitle(state.step);
            WebElement panel = pm.itemPanel(state.step);
            pm.click("the Status select", () -> pm.field(panel, "vaadin-select", "Status"));
            pm.click("Open in the Status list", () -> pm.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(WebElement::isDisplayed).filter(i -> pm.text(i).equals("Open")).findFirst().orElse(null));
            pm.until("Open chosen", d -> pm.selectedLabel(pm.field(panel, "vaadin-select", "Status")).equals("Open"));
            pm.click("Save", () -> pm.button(panel, "Save"));
            pm.until("the step open again in the PM's window", d -> markDone(pm, state.step) != null);
            pmo.until("the step open again in the PMO's window on the other node", d -> markDone(pmo, state.step) != null);
            assertThat(done(progress(pmo))).isEqualTo(done(progressBefore) - 1);
        });

        // Redis dies (SIGKILL): no request fails, nothing is lost, each node says so once and stays ready.
        step("redis-killed", () -> {
            notices.close(); // the test's own subscriber: a new one listens once Redis is back
            redisServer.kill();
            for (NodeProcess node : nodes) {
                awaitLogLines(node, redisSays("is unreachable"), 1);
            }
            System.out.println("[two-nodes] Redis on :" + redisServer.port() + " killed; both nodes logged once that it is unreachable");
        });

        step("ticked-without-redis", () -> {
            state.progressBefore = progress(pmo);
            state.step = ScreensFollowChangesJourneyTest.prepareToTickAnOpenStep(pm, pmo, anyStep -> true);
            WebElement panel = pm.itemPanel(state.step);
            pm.click("Save", () -> pm.button(panel, "Save"));
            state.savedAt = System.nanoTime();
            pm.until("the step done in the PM's window", d -> markDone(pm, state.step) == null);
            pm.until("the new progress in the PM's window", d -> done(progress(pm)) == done(state.progressBefore) + 1);
            pm.waitForVaadin();
            assertThat(errorNotifications(pm)).as("error notifications in the PM's window: the save succeeded").isEmpty();
        });

        step("health-without-redis", () -> {
            for (NodeProcess node : nodes) {
                assertThat(NodeProcess.status(node.uri().resolve("actuator/health/readiness").toString(), null))
                        .as("%s's readiness without Redis: HAProxy keeps routing to it", node.name()).isEqualTo(200);
                HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(node.uri().resolve("actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                WebClient operator = new WebClient(node.port());
                operator.signIn("operator@cadence.example", JourneyBrowser.PASSWORD);
                HttpResponse<String> forOperator = operator.get("/actuator/health");
                System.out.println("[two-nodes] without Redis, " + node.name() + ": readiness 200; /actuator/health "
                        + anonymous.statusCode() + " " + anonymous.body() + " to anyone; to the operator "
                        + forOperator.statusCode() + " with components " + components(forOperator.body()));
                assertThat(anonymous.statusCode()).as("the overall health, for monitoring: Redis is a component").isEqualTo(503);
                assertThat(anonymous.body()).as("components only for the operator").doesNotContain("redis", "components");
                assertThat(forOperator.body()).as("%s's health for the operator", node.name()).contains("\"redis\":{\"status\":\"DOWN\"");
                assertThat(forOperator.body()).contains("\"db\":{\"status\":\"UP\"", "\"readinessState\":{\"status\":\"UP\"");
            }
        });

        step("seen-on-navigation", () -> {
            // Nothing carries the change to the other node now: its open screen still shows the old progress…
            long waited = Duration.ofNanos(System.nanoTime() - state.savedAt).toMillis();
            if (waited < 1500) {
                Thread.sleep(1500 - waited);
            }
            assertThat(progress(pmo)).as("the other node's open screen, with no Redis between the nodes").isEqualTo(state.progressBefore);
            // …and the next navigation reads it from the database: nothing was lost.
            pmo.driver().navigate().refresh();
            pmo.until("the instance heading after reload", d -> d.findElements(By.cssSelector(".instance-view h2")).size() == 1);
            pmo.waitForVaadin();
            pmo.js().executeScript("document.querySelector('.instance-view vaadin-grid').scrollToIndex(10000);");
            pmo.until("the step shown done in the PMO's window after reload",
                    d -> pmo.itemTitle(state.step) != null && markDone(pmo, state.step) == null);
            assertThat(done(progress(pmo))).isEqualTo(done(state.progressBefore) + 1);
            System.out.println("[two-nodes] without Redis, " + state.pmoNode + "'s open screen kept \"" + state.progressBefore
                    + "\" for 1.5 s; after a reload it showed \"" + progress(pmo) + "\"");
            for (NodeProcess node : nodes) {
                assertThat(logLines(node, redisSays("is unreachable"))).as("%s says once that Redis is unreachable", node.name()).isEqualTo(1);
            }
        });

        // Redis returns on the same port: each node says so once, and updates flow again at once.
        step("redis-back", () -> {
            long restarted = System.nanoTime();
            redisServer.restart();
            for (NodeProcess node : nodes) {
                awaitLogLines(node, redisSays("is back"), 1);
            }
            listenForNotices();
            System.out.println("[two-nodes] Redis restarted on :" + redisServer.port() + "; both nodes logged that it is back within "
                    + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");
        });

        step("step-chosen-after-redis-returned", () -> {
            state.step = ScreensFollowChangesJourneyTest.prepareToTickAnOpenStep(pm, pmo, anyStep -> true);
            state.progressBefore = watchProgress(pmo);
            assertThat(progress(pm)).isEqualTo(state.progressBefore);
        });

        step("ticked-after-redis-returned", () -> {
            Delays delays = tickAndAwaitOtherNode(state.step, state.progressBefore);
            System.out.println("[two-nodes] After Redis returned: " + state.pmoNode + "'s screen showed the step ticked on "
                    + state.pmNode + " " + delays.fromClick() + " ms after the PM clicked Save (" + delays.fromNotice()
                    + " ms after its notice reached Redis)");
            assertThat(delays.fromClick()).as("from the PM's click to the other node's screen, Redis back").isLessThan(1000);
            for (NodeProcess node : nodes) {
                assertThat(logLines(node, redisSays("is unreachable"))).as("%s: one outage, one line", node.name()).isEqualTo(1);
                assertThat(logLines(node, redisSays("is back"))).as(node.name()).isEqualTo(1);
            }
        });

        Map<String, String> resetThrough = Map.of("pm@acme.example", state.pmNode, "pmo@acme.example", state.pmoNode);
        step("resets-asked", () -> {
            askForReset(pm, "pm@acme.example");
            askForReset(pmo, "pmo@acme.example");
        });

        // Both nodes poll the outbox every second: give them a few rounds after the mails arrived.
        long deadline = System.currentTimeMillis() + 30_000;
        while (mailsTo(resetThrough.keySet()).size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(5_000);
        List<MimeMessage> mails = mailsTo(resetThrough.keySet());
        List<String> outboxIds = new ArrayList<>();
        for (MimeMessage m : mails) {
            outboxIds.add(m.getHeader("X-Cadence-Outbox-Id", null));
        }
        System.out.println("[two-nodes] password-reset mails received by SMTP: " + mails.size() + " (outbox ids " + outboxIds + ")");
        assertThat(mails).as("one password-reset mail per request, each sent once by one of the two nodes").hasSize(2);
        assertThat(new HashSet<>(outboxIds)).hasSize(2);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select recipient, status, attempts from outbox_message where recipient in "
                    + "('pm@acme.example', 'pmo@acme.example') and kind = 'PASSWORD_RESET'")) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    assertThat(r.getString("status")).as("outbox status of the mail to %s", r.getString("recipient")).isEqualTo("SENT");
                    assertThat(r.getInt("attempts")).as("attempts for the mail to %s", r.getString("recipient")).isEqualTo(1);
                }
                assertThat(rows).isEqualTo(2);
            }
            Set<String> locks = new HashSet<>();
            try (ResultSet r = s.executeQuery("select name from shedlock")) {
                while (r.next()) {
                    locks.add(r.getString(1));
                }
            }
            System.out.println("[two-nodes] ShedLock rows shared by both nodes: " + locks);
            assertThat(locks).as("the outbox dispatcher and the retention purge lock in the shared table").contains("mail-outbox", "retention-purge");
        }
        for (NodeProcess node : nodes) {
            List<String> warnings;
            try (var lines = Files.lines(node.log())) {
                warnings = lines.filter(line -> line.contains(" WARN ")).toList();
            }
            List<String> aboutRedis = warnings.stream().filter(line -> line.contains(":" + redisServer.port())).toList();
            System.out.println("[two-nodes] " + node.name() + "'s log: no ERROR, " + warnings.size() + " WARN lines, "
                    + aboutRedis.size() + " about Redis: " + aboutRedis.stream().map(line -> line.substring(line.indexOf(" : ") + 3)).toList());
            assertThat(Files.readString(node.log())).as(node.name() + "'s log").doesNotContain(" ERROR ");
            assertThat(aboutRedis).as("%s's warnings about Redis: one for the outage, not one per event or reconnection attempt", node.name())
                    .singleElement().asString().contains(redisSays("is unreachable"));
        }
    }

    // --- the journey's steps -----------------------------------------------------------------

    /** How long a change took to show on the other node's open screen. */
    private record Delays(long fromClick, long fromNotice) {
    }

    /**
     * Saves the step the PM's item panel holds, ready to be done, and waits until the PMO's window
     * on the other node shows the new progress without reload: the delays from the click on Save
     * and from the change's notice on Redis.
     */
    private Delays tickAndAwaitOtherNode(String step, String progressBefore) {
        WebElement panel = pm.itemPanel(step);
        pm.js().executeScript("arguments[0].addEventListener('click', () => window.__clickedAt = Date.now(), true);", pm.button(panel, "Save"));
        firstNoticeAt.set(0);
        pm.click("Save", () -> pm.button(panel, "Save"));
        pm.until("the step done in the PM's window", d -> markDone(pm, step) == null);
        String after = pmo.until("the new progress in the PMO's window on the other node, without reload", d -> {
            String now = progress(pmo);
            return now.equals(progressBefore) ? null : now;
        });
        long changedAt = ((Number) pmo.js().executeScript("return window.__progressChangedAt;")).longValue();
        long clickedAt = ((Number) pm.js().executeScript("return window.__clickedAt;")).longValue();
        long noticeAt = firstNoticeAt.get();
        assertThat(noticeAt).as("the change's notice was published on Redis").isPositive();
        assertThat(done(after)).isEqualTo(done(progressBefore) + 1);
        pmo.until("the step done in the PMO's window", d -> markDone(pmo, step) == null);
        assertThat(pmo.js().executeScript("return window.__progressChangedAt > 0;")).as("the same page, not reloaded").isEqualTo(true);
        assertThat(errorNotifications(pm)).as("error notifications in the PM's window").isEmpty();
        return new Delays(changedAt - clickedAt, changedAt - noticeAt);
    }

    /** Notes in the window when its progress text first changes from now on; returns the text now. */
    private static String watchProgress(JourneyBrowser window) {
        window.waitForVaadin();
        window.js().executeScript("""
                const text = document.querySelector('.instance-view .progress-text');
                window.__progressChangedAt = 0;
                new MutationObserver(() => { if (!window.__progressChangedAt) { window.__progressChangedAt = Date.now(); } })
                    .observe(text, {childList: true, characterData: true, subtree: true});
                """);
        return progress(window);
    }

    /** The texts of the error notifications the window shows (UserMessages.showError). */
    private static List<String> errorNotifications(JourneyBrowser window) {
        return window.driver().findElements(By.cssSelector("vaadin-notification-card[theme~='error']")).stream()
                .map(window::text).toList();
    }

    private static void askForReset(JourneyBrowser window, String email) {
        window.driver().get(window.url("/forgot-password"));
        window.waitForVaadin();
        JourneyBrowser.type(JourneyBrowser.nativeInput(window.field(null, "vaadin-email-field", "Email")), email);
        window.click("Email me a link", () -> JourneyBrowser.shown(window.driver().findElement(By.tagName("body")), "vaadin-button.send-link"));
        window.until("the link-sent notice", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".reset-link-sent"));
    }

    /**
     * The password-reset mails the SMTP server received for these people: other mail to them (the
     * demo's cutover notifications) is told apart by the outbox id every mail carries.
     */
    private static List<MimeMessage> mailsTo(Set<String> recipients) throws MessagingException {
        Set<String> resets = new HashSet<>();
        try (Connection c = database.connect();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from outbox_message where kind = 'PASSWORD_RESET'")) {
            while (r.next()) {
                resets.add(String.valueOf(r.getLong(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> recipients.contains(a.toString()))
                    && resets.contains(m.getHeader("X-Cadence-Outbox-Id", null))) {
                found.add(m);
            }
        }
        return found;
    }

    /** The node HAProxy pinned this browser to: its {@code SERVERID} cookie. */
    private static String node(JourneyBrowser window) {
        Cookie cookie = window.driver().manage().getCookieNamed("SERVERID");
        assertThat(cookie).as("HAProxy's sticky cookie").isNotNull();
        return cookie.getValue();
    }

    private void step(String name, JourneyBrowser.Step action) throws Exception {
        JourneyBrowser.step(String.format("two-nodes-%02d-%s", ++stepNumber, name), action, pm, pmo);
    }

    // --- the cluster ---------------------------------------------------------------------------

    /** What RedisLiveUpdates logs when this run's Redis goes ("is unreachable") and returns ("is back"). */
    private static String redisSays(String what) {
        return "Redis at 127.0.0.1:" + redisServer.port() + " " + what;
    }

    /** The lines of the node's log that contain {@code text}. */
    private static long logLines(NodeProcess node, String text) throws IOException {
        try (var lines = Files.lines(node.log())) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Waits (up to 20 s) until the node's log has {@code count} lines containing {@code text}. */
    private static void awaitLogLines(NodeProcess node, String text, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (logLines(node, text) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(logLines(node, text)).as("lines saying \"%s\" in %s", text, node.log()).isEqualTo(count);
    }

    /** The health components and their status, from the operator's view of {@code /actuator/health}. */
    private static String components(String health) {
        var matcher = Pattern.compile("\"(\\w+)\":\\{\"status\":\"(\\w+)\"").matcher(health);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1) + " " + matcher.group(2));
        }
        return String.join(", ", found);
    }

    private static NodeProcess startNode(String name, int smtpPort, String mailKey, boolean demoData) throws IOException {
        NodeProcess node = NodeProcess.on(database, LOGS, name)
                .argument("--cadence.mail.poll-interval=PT1S").argument("--cadence.retention.interval=PT2S")
                .redis(redisServer.url(), CHANNEL)
                .mailKey(mailKey)
                .demoData(demoData)
                .env("CADENCE_BASE_URL", "http://localhost:" + lbPort)
                .env("SPRING_MAIL_HOST", "127.0.0.1")
                .env("SPRING_MAIL_PORT", String.valueOf(smtpPort))
                .start();
        nodes.add(node);
        return node;
    }

    /** HAProxy's health checks pass for both nodes: round robin hands out both cookies. */
    private static void awaitBothNodesBehindTheBalancer() throws Exception {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.size() < 2 && System.nanoTime() < deadline) {
            List<String> cookies = new ArrayList<>();
            NodeProcess.status("http://127.0.0.1:" + lbPort + "/actuator/health/readiness", cookies);
            cookies.stream().filter(c -> c.startsWith("SERVERID=")).map(c -> c.substring(9, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .forEach(seen::add);
            if (seen.size() < 2) {
                Thread.sleep(250);
            }
        }
        assertThat(seen).as("HAProxy routes to both nodes (its log: %s)", LOGS.resolve("haproxy.log")).containsExactlyInAnyOrder("node-a", "node-b");
    }

    /** The test's own subscriber on the nodes' channel: when a change's notice reached Redis. */
    private static void listenForNotices() {
        notices = redis.connectPubSub();
        notices.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                firstNoticeAt.compareAndSet(0, System.currentTimeMillis());
            }
        });
        notices.sync().subscribe(CHANNEL);
    }
}
