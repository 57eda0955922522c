package app.cadence.live;

import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node: listeners by channel in memory; a message goes to the listeners of its own tenant only.
 * The default bean ({@link LiveUpdatesConfiguration}); {@link RedisLiveUpdates} keeps one as its
 * node's registry of listeners.
 */
class InProcessLiveUpdates implements LiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(InProcessLiveUpdates.class);

    /** Keyed by tenant and topic: a lookup can only find the message's own tenant's listeners. */
    private final Map<Channel, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** Identity, not equality: the same lambda registered twice is two registrations. */
    private static final class Listener {
        final Consumer<LiveMessage> consumer;

        Listener(Consumer<LiveMessage> consumer) {
            this.consumer = consumer;
        }
    }

    @Override
    public void publish(LiveMessage message) {
        Set<Listener> targets = new LinkedHashSet<>();
        for (String topic : message.topics()) {
            Set<Listener> onTopic = listeners.get(new Channel(message.tenantId(), topic));
            if (onTopic != null) {
                targets.addAll(onTopic);
            }
        }
        for (Listener target : targets) {
            try {
                target.consumer.accept(message);
            } catch (RuntimeException e) {
                // One broken screen must not keep the others from hearing of the change.
                log.warn("A live-update listener failed on {} {}", message.subject(), message.subjectId(), e);
            }
        }
    }

    @Override
    public Registration register(Channel channel, Consumer<LiveMessage> consumer) {
        Listener listener = new Listener(consumer);
        // Added inside compute, so that an unregistration emptying the set at the same moment cannot orphan it.
        listeners.compute(channel, (c, set) -> {
            Set<Listener> onChannel = set == null ? new CopyOnWriteArraySet<>() : set;
            onChannel.add(listener);
            return onChannel;
        });
        return () -> listeners.computeIfPresent(channel, (c, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public int registrations() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
