package app.cadence.journey;

import static app.cadence.journey.ScreensFollowChangesJourneyTest.done;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.markDone;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.openRehearsal;
import static app.cadence.journey.ScreensFollowChangesJourneyTest.progress;
import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.support.NodeProcess;
import app.cadence.support.ScratchDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Two nodes for real: two production jars on one fresh MariaDB database and one Redis, behind
 * HAProxy with sticky sessions (the very {@code docker/haproxy.cfg} the two-node compose file
 * uses), and two headless Chromium windows pinned to different nodes by HAProxy's
 * {@code SERVERID} cookie. pm@acme ticks a step of CLOUD-02's runbook through one node; pmo@acme's
 * open runbook on the other node shows it within a second (the delay from the change's notice on
 * Redis, and from the click, is printed). Then each browser asks for a password reset through its
 * node, both nodes' outbox dispatchers poll every second against a real SMTP server (GreenMail),
 * and every mail arrives exactly once.
 *
 * <p>Needs {@code target/cadence-0.1.0-SNAPSHOT.jar} ({@code bin/mvn -Pproduction -DskipTests
 * package}), MariaDB at 127.0.0.1:3306 with the {@code cadence_test} user (rights on
 * {@code cadence\_test%}), Redis at 127.0.0.1:6379, {@code /usr/sbin/haproxy}, Chromium and
 * chromedriver. Run by {@code .ci/run} as {@code bin/mvn -B test -Ptwo-nodes}. The nodes' logs and
 * screenshots go to {@code target/two-nodes/} and {@code target/journey-screenshots/two-nodes-*}.
 */
@Tag("twonode")
class TwoNodesJourneyTest {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path HAPROXY_CONFIG = Path.of("docker", "haproxy.cfg");
    private static final Path LOGS = Path.of("target", "two-nodes");
    private static final String DATABASE = "cadence_test_twonode";
    private static final String REDIS_URL = env("CADENCE_TWONODE_REDIS_URL", "redis://127.0.0.1:6379");
    /** A channel of this run's own, so that other Cadence nodes or tests on the same Redis do not interfere. */
    private static final String CHANNEL = "cadence:twonode:" + System.nanoTime();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private static final List<NodeProcess> nodes = new ArrayList<>();
    private static ScratchDatabase database;
    private static Process haproxy;
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

        redis = RedisClient.create(REDIS_URL);
        notices = redis.connectPubSub();
        notices.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                firstNoticeAt.compareAndSet(0, System.currentTimeMillis());
            }
        });
        notices.sync().subscribe(CHANNEL);

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
        var state = new Object() { String pmNode; String pmoNode; String step; String progressBefore; };

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
            pmo.waitForVaadin();
            state.progressBefore = progress(pmo);
            assertThat(progress(pm)).isEqualTo(state.progressBefore);
            pmo.js().executeScript("""
                    const text = document.querySelector('.instance-view .progress-text');
                    window.__progressChangedAt = 0;
                    new MutationObserver(() => { if (!window.__progressChangedAt) { window.__progressChangedAt = Date.now(); } })
                        .observe(text, {childList: true, characterData: true, subtree: true});
                    """);
        });

        step("ticked", () -> {
            WebElement panel = pm.itemPanel(state.step);
            pm.js().executeScript("arguments[0].addEventListener('click', () => window.__clickedAt = Date.now(), true);", pm.button(panel, "Save"));
            firstNoticeAt.set(0);
            pm.click("Save", () -> pm.button(panel, "Save"));
            pm.until("the step done in the PM's window", d -> markDone(pm, state.step) == null);
            String after = pmo.until("the new progress in the PMO's window on the other node, without reload", d -> {
                String now = progress(pmo);
                return now.equals(state.progressBefore) ? null : now;
            });
            long changedAt = ((Number) pmo.js().executeScript("return window.__progressChangedAt;")).longValue();
            long clickedAt = ((Number) pm.js().executeScript("return window.__clickedAt;")).longValue();
            long noticeAt = firstNoticeAt.get();
            assertThat(noticeAt).as("the change's notice was published on Redis").isPositive();
            long fromNotice = changedAt - noticeAt;
            System.out.println("[two-nodes] Live update across nodes: " + state.pmoNode + "'s screen showed the step ticked on "
                    + state.pmNode + " " + fromNotice + " ms after its notice reached Redis (" + (changedAt - clickedAt)
                    + " ms after the PM clicked Save)");
            assertThat(fromNotice).as("from the notice on Redis to the other node's screen").isLessThan(1000);
            assertThat(done(after)).isEqualTo(done(state.progressBefore) + 1);
            pmo.until("the step done in the PMO's window", d -> markDone(pmo, state.step) == null);
            assertThat(pmo.js().executeScript("return window.__progressChangedAt > 0;")).as("the same page, not reloaded").isEqualTo(true);
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
        for (String node : List.of("node-a", "node-b")) {
            assertThat(Files.readString(LOGS.resolve(node + ".log"))).as(node + "'s log").doesNotContain(" ERROR ");
        }
    }

    // --- the journey's steps -----------------------------------------------------------------

    private static void askForReset(JourneyBrowser window, String email) {
        window.driver().get(window.url("/forgot-password"));
        window.waitForVaadin();
        JourneyBrowser.type(JourneyBrowser.nativeInput(window.field(null, "vaadin-email-field", "Email")), email);
        window.click("Email me a link", () -> JourneyBrowser.shown(window.driver().findElement(By.tagName("body")), "vaadin-button.send-link"));
        window.until("the link-sent notice", d -> JourneyBrowser.shown(d.findElement(By.tagName("body")), ".reset-link-sent"));
    }

    private static List<MimeMessage> mailsTo(Set<String> recipients) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> recipients.contains(a.toString()))) {
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

    private static NodeProcess startNode(String name, int smtpPort, String mailKey, boolean demoData) throws IOException {
        NodeProcess node = NodeProcess.on(database, LOGS, name)
                .argument("--cadence.mail.poll-interval=PT1S").argument("--cadence.retention.interval=PT2S")
                .redis(REDIS_URL, CHANNEL)
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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
