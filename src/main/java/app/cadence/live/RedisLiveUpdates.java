package app.cadence.live;

import com.vaadin.flow.shared.Registration;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes: every message goes to this node's listeners at once (in process, as on one node)
 * and, as JSON, to one Redis pub/sub channel that every node subscribes to. A node hands what it
 * receives to its own in-process listeners, skipping the messages it sent itself: each listener
 * hears a message exactly once. Tenant isolation is where it is on one node: listeners are found
 * by {@link Channel} (tenant and topic), so a message reaches only its own tenant's screens.
 *
 * <p>Redis down: publishing never blocks or fails (commands are rejected at once while
 * disconnected, and time out after {@link #COMMAND_TIMEOUT} otherwise), this node's screens still
 * follow this node's changes, and the others' show on the next navigation. Lettuce reconnects by
 * itself and subscribes again; if Redis was down at start-up, this class keeps trying to make the
 * first connections. The log says "unreachable" once when Redis goes and "back" once when it
 * returns.
 */
class RedisLiveUpdates implements LiveUpdates, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveUpdates.class);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    /** On the wire: which node sent the message, so that node does not deliver it twice. */
    record Envelope(String node, LiveMessage message) {
    }

    private final InProcessLiveUpdates local = new InProcessLiveUpdates();
    private final String node = UUID.randomUUID().toString();
    private final String where;
    private final String channel;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-redis-connect");
        thread.setDaemon(true);
        return thread;
    });

    private volatile @Nullable StatefulRedisConnection<String, String> publisher;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean publisherUp;
    private volatile boolean subscribed;
    private volatile boolean closed;
    /** What the log last said: null until the first connection attempt has ended. Guarded by {@code this}. */
    private @Nullable Boolean reported;
    /** Set when the first connection attempt has ended: events during it are not worth a line. */
    private volatile boolean attempted;
    private Duration retry = FIRST_RETRY;

    private RedisLiveUpdates(String url, String channel) {
        RedisURI uri = RedisURI.create(url);
        this.where = uri.getHost() + ":" + uri.getPort(); // never the password
        this.channel = channel;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), LAST_RETRY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, fail a publish at once rather than queue it: the change is in the database.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .build());
        client.addListener(new ConnectionStates());
    }

    /** Starts connecting in the background: a node starts (and serves) whether Redis answers or not. */
    static RedisLiveUpdates start(String url, String channel) {
        RedisLiveUpdates live = new RedisLiveUpdates(url, channel);
        live.connector.execute(live::connect);
        return live;
    }

    /** The first connections; after them, Lettuce reconnects (and resubscribes) by itself. */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            if (publisher == null) {
                StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
                publisher = connection;
                publisherUp = connection.isOpen();
            }
            if (subscriber == null) {
                StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub(StringCodec.UTF8);
                connection.addListener(new Receiver());
                try {
                    connection.sync().subscribe(channel);
                    subscribed = true; // confirmed: Lettuce notifies its listeners only after the command completes
                } catch (RuntimeException e) {
                    connection.close(); // not subscribed, so Lettuce would not subscribe it again: start afresh
                    throw e;
                }
                subscriber = connection;
            }
            attempted = true;
            report();
        } catch (RuntimeException e) {
            log.debug("Connecting to Redis at {} failed", where, e);
            attempted = true;
            report();
            if (!closed) {
                connector.schedule(this::connect, retry.toMillis(), TimeUnit.MILLISECONDS);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    @Override
    public void publish(LiveMessage message) {
        local.publish(message);
        StatefulRedisConnection<String, String> connection = publisher;
        if (connection == null || closed) {
            return; // not connected yet: this node's screens have it, the others see it on navigation
        }
        try {
            connection.async().publish(channel, json.writeValueAsString(new Envelope(node, message)))
                    .exceptionally(failure -> {
                        log.debug("A live update was not published to Redis at {}", where, failure);
                        return null;
                    });
        } catch (RuntimeException e) {
            // Whatever happens, the user's request (after its commit) goes on.
            log.debug("A live update was not published to Redis at {}", where, e);
        }
    }

    @Override
    public Registration register(Channel channel, Consumer<LiveMessage> listener) {
        return local.register(channel, listener);
    }

    @Override
    public int registrations() {
        return local.registrations();
    }

    /** Whether this node publishes to and listens on Redis now. */
    boolean isConnected() {
        return publisherUp && subscribed;
    }

    private void received(String payload) {
        Envelope envelope;
        try {
            envelope = json.readValue(payload, Envelope.class);
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed live update on Redis channel {}: {}", channel, e.toString());
            return;
        }
        if (envelope.node() == null || envelope.message() == null || envelope.message().tenantId() == null) {
            log.warn("Ignored a live update without node, message or tenant on Redis channel {}", channel);
            return;
        }
        if (!node.equals(envelope.node())) {
            local.publish(envelope.message()); // this node's own messages were delivered when published
        }
    }

    /** Logs a change of state once: not once per event or per reconnection attempt. */
    private synchronized void report() {
        boolean now = isConnected();
        if (closed || !attempted || (reported != null && reported == now)) {
            return;
        }
        if (now && reported == null) {
            log.info("Live updates go through Redis at {} (channel {})", where, channel);
        } else if (now) {
            log.info("Redis at {} is back: live updates reach the other nodes again", where);
        } else {
            log.warn("Redis at {} is unreachable: live updates reach only this node's screens until it returns "
                    + "(the other nodes' changes show on the next navigation)", where);
        }
        reported = now;
    }

    private final class ConnectionStates implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (!(connection instanceof StatefulRedisPubSubConnection<?, ?>)) {
                publisherUp = true;
                report();
            } // the subscriber counts as up once it has subscribed again (Receiver.subscribed)
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (connection instanceof StatefulRedisPubSubConnection<?, ?>) {
                subscribed = false;
            } else {
                publisherUp = false;
            }
            report();
        }
    }

    private final class Receiver extends RedisPubSubAdapter<String, String> {

        @Override
        public void message(String from, String payload) {
            if (channel.equals(from)) {
                received(payload);
            }
        }

        @Override
        public void subscribed(String to, long count) {
            if (channel.equals(to)) {
                subscribed = true;
                report();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisPubSubConnection<String, String> sub = subscriber;
        StatefulRedisConnection<String, String> pub = publisher;
        if (sub != null) {
            sub.close();
        }
        if (pub != null) {
            pub.close();
        }
        client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
        resources.shutdown(0, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "RedisLiveUpdates at " + where + " on " + channel + (isConnected() ? " (connected)" : " (disconnected)");
    }
}
