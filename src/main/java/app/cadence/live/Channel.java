package app.cadence.live;

import java.io.Serializable;
import java.util.Objects;

/** A topic of one tenant: what a screen listens to. Two tenants never share a channel. */
public record Channel(Long tenantId, String topic) implements Serializable {

    public Channel {
        Objects.requireNonNull(tenantId, "a channel belongs to a tenant");
        Objects.requireNonNull(topic, "a channel has a topic");
    }
}
