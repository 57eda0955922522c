package app.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.cadence.support.Eventually;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Two nodes (two {@link RedisLiveUpdates}) against a real Redis: the local server at
 * 127.0.0.1:6379, and for the outage a {@code redis-server} this test starts and stops on a free
 * port. Each test uses a channel of its own, so runs sharing the server do not hear each other.
 * Skipped, with the reason, when no Redis answers or can be started.
 */
class RedisLiveUpdatesTest {

    static final long ACME = 1L;
    static final long GLOBEX = 2L;

    final String channel = "cadence:test:" + UUID.randomUUID();
    final List<RedisLiveUpdates> nodes = new ArrayList<>();
    @Nullable Process server;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(RedisLiveUpdates.class);

    @AfterEach
    void stop() throws InterruptedException {
        nodes.forEach(RedisLiveUpdates::close);
        logger.detachAppender(logged);
        stopServer();
    }

    @Test
    void aMessagePublishedOnOneNodeReachesTheOtherNodesListenersOfItsTenantOnly() {
        assumeTrue(answers(6379), "no Redis server answers at 127.0.0.1:6379 (start one: redis-server --daemonize yes)");
        RedisLiveUpdates a = node(6379);
        RedisLiveUpdates b = node(6379);
        awaitConnected(a, b);
        List<LiveMessage> acmeOnB = listen(b, ACME, "instance:7");
        List<LiveMessage> globexOnB = listen(b, GLOBEX, "instance:7");
        List<LiveMessage> otherTopicOnB = listen(b, ACME, "instance:8");

        LiveMessage change = message(ACME, "instance:7", 42L);
        a.publish(change);
        Eventually.until("node B's Acme listener hears node A's change", () -> List.copyOf(acmeOnB), heard -> !heard.isEmpty());

        // Messages on the channel arrive in order: once Globex's own change has arrived, Acme's came before it.
        LiveMessage globexChange = message(GLOBEX, "instance:7", 43L);
        a.publish(globexChange);
        Eventually.until("node B's Globex listener hears Globex's change", () -> List.copyOf(globexOnB), heard -> !heard.isEmpty());

        assertThat(acmeOnB).containsExactly(change);
        assertThat(globexOnB).as("Globex never hears Acme's change").containsExactly(globexChange);
        assertThat(otherTopicOnB).isEmpty();
    }

    @Test
    void aNodeThatFindsRedisAtStartUpSaysSoOnceAndNeverThatItIsDown() {
        assumeTrue(answers(6379), "no Redis server answers at 127.0.0.1:6379 (start one: redis-server --daemonize yes)");
        logged.start();
        logger.addAppender(logged);
        RedisLiveUpdates a = node(6379);
        awaitConnected(a);
        Eventually.until("the node says it uses Redis", () -> lines("go through Redis"), n -> n == 1);
        assertThat(lines("is unreachable") + lines("is back")).isZero();
    }

    @Test
    void theNodeThatPublishesDeliversItsOwnMessageExactlyOnce() {
        assumeTrue(answers(6379), "no Redis server answers at 127.0.0.1:6379 (start one: redis-server --daemonize yes)");
        RedisLiveUpdates a = node(6379);
        RedisLiveUpdates b = node(6379);
        awaitConnected(a, b);
        List<LiveMessage> onA = listen(a, ACME, "instance:7");
        List<LiveMessage> onB = listen(b, ACME, "instance:7");

        LiveMessage first = message(ACME, "instance:7", 1L);
        a.publish(first);
        assertThat(onA).as("delivered on the publishing node at once, not after a trip to Redis").containsExactly(first);
        // B heard it, so Redis has also sent it back to A's subscription; B's answer comes after that echo.
        Eventually.until("node B hears the first message", () -> List.copyOf(onB), heard -> heard.contains(first));
        LiveMessage second = message(ACME, "instance:7", 2L);
        b.publish(second);
        Eventually.until("node A hears node B's message", () -> List.copyOf(onA), heard -> heard.contains(second));

        assertThat(onA).containsExactly(first, second);
        assertThat(onB).containsExactly(first, second);
    }

    @Test
    void withRedisDownTheNodeKeepsServingAndBothNodesReconnectWhenItReturns() throws Exception {
        int port = freePort();
        assumeTrue(canStartServer(port), "cannot start redis-server (Debian package redis-server) on port " + port);
        stopServer(); // the nodes start while Redis is down
        logged.start();
        logger.addAppender(logged);

        RedisLiveUpdates a = node(port);
        RedisLiveUpdates b = node(port);
        List<LiveMessage> onA = listen(a, ACME, "instance:7");
        List<LiveMessage> onB = listen(b, ACME, "instance:7");
        Eventually.until("both nodes say Redis is unreachable", () -> lines("is unreachable"), n -> n == 2);
        publishWithoutWaiting(a, message(ACME, "instance:7", 1L));
        assertThat(onA).as("this node's screens still follow its changes").hasSize(1);

        startServer(port);
        awaitConnected(a, b);
        assertThat(lines("is back")).isEqualTo(2);
        assertDelivered(a, onB, 2L);

        stopServer();
        Eventually.until("both nodes notice that Redis is gone", () -> !a.isConnected() && !b.isConnected(), gone -> gone);
        for (long i = 10; i < 30; i++) {
            publishWithoutWaiting(a, message(ACME, "instance:7", i));
        }
        assertThat(onA).as("local delivery goes on").hasSize(2 + 20);

        startServer(port);
        awaitConnected(a, b);
        assertDelivered(a, onB, 100L);
        assertDelivered(b, onA, 101L);
        assertThat(lines("is unreachable")).as("once per node per outage, not once per event or attempt").isEqualTo(4);
        assertThat(lines("is back")).isEqualTo(4);
    }

    @Test
    void theHealthComponentFollowsTheConnection() throws Exception {
        int port = freePort();
        assumeTrue(canStartServer(port), "cannot start redis-server (Debian package redis-server) on port " + port);
        RedisLiveUpdates a = node(port);
        RedisHealthIndicator health = new RedisHealthIndicator(a);
        Eventually.until("the component is UP", () -> health.health().getStatus().getCode(), "UP"::equals);
        stopServer();
        Eventually.until("the component is DOWN", () -> health.health().getStatus().getCode(), "DOWN"::equals);
    }

    // --- helpers

    RedisLiveUpdates node(int port) {
        RedisLiveUpdates node = RedisLiveUpdates.start("redis://127.0.0.1:" + port, channel);
        nodes.add(node);
        return node;
    }

    static void awaitConnected(RedisLiveUpdates... nodes) {
        Eventually.until("every node connected and subscribed", () -> List.of(nodes),
                all -> all.stream().allMatch(RedisLiveUpdates::isConnected));
    }

    static List<LiveMessage> listen(RedisLiveUpdates node, long tenantId, String topic) {
        List<LiveMessage> heard = new CopyOnWriteArrayList<>();
        node.register(new Channel(tenantId, topic), heard::add);
        return heard;
    }

    static LiveMessage message(long tenantId, String topic, long itemId) {
        return new LiveMessage(tenantId, Set.of(topic), "item", itemId, Set.of("STATUS"), 5L, "Marcus Webb",
                Instant.parse("2026-03-01T10:15:30Z"), "ui-" + itemId);
    }

    static void assertDelivered(RedisLiveUpdates from, List<LiveMessage> heardOnOther, long itemId) {
        LiveMessage sent = message(ACME, "instance:7", itemId);
        from.publish(sent);
        Eventually.until("the other node hears item " + itemId, () -> List.copyOf(heardOnOther), heard -> heard.contains(sent));
        assertThat(heardOnOther.stream().filter(sent::equals)).hasSize(1);
    }

    static void publishWithoutWaiting(RedisLiveUpdates node, LiveMessage message) {
        long started = System.nanoTime();
        assertThatCode(() -> node.publish(message)).doesNotThrowAnyException();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("publishing must not wait for Redis").isLessThan(Duration.ofMillis(500));
    }

    long lines(String saying) {
        synchronized (logged) {
            return logged.list.stream().filter(e -> e.getFormattedMessage().contains(saying)).count();
        }
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            return in.readNBytes(reply, 0, 5) == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    boolean canStartServer(int port) {
        try {
            startServer(port);
            return true;
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    /** A redis-server of this test's own, in the foreground as a child process: nothing outlives the test. */
    void startServer(int port) throws IOException {
        Path dir = Files.createTempDirectory("cadence-redis");
        server = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        Eventually.until("redis-server answers on port " + port, () -> answers(port), up -> up);
    }

    void stopServer() throws InterruptedException {
        Process running = server;
        if (running != null) {
            running.destroy();
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor();
            }
            server = null;
        }
    }
}
