package app.cadence.live;

import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Carries committed changes to the screens that follow them. One node: {@link InProcessLiveUpdates}
 * (the default, nothing to configure). Several nodes: an implementation over a broker (Redis
 * pub/sub) replaces it: it publishes each message once per tenant and delivers what it receives
 * to the listeners registered on its own node — the contract below stays the same.
 */
public interface LiveUpdates {

    /** Delivers the message to every listener of a channel it concerns: same tenant, one of its topics. */
    void publish(LiveMessage message);

    /**
     * Listens to one channel until the returned registration is removed. The listener runs on the
     * publishing thread (or the broker's): it must only hand the message over, never block.
     */
    Registration register(Channel channel, Consumer<LiveMessage> listener);

    /** How many listeners are registered on this node: what a leak would make grow. */
    int registrations();
}
